package inputfile

import "bytes"

// NotUTF8 is what a text file's bytes show of an encoding other than the
// UTF-8 ganui reads (preset files, points files): a byte-order mark, NUL
// bytes, which no text holds. NotUTF8Text tells it.
type NotUTF8 struct {
	Line int    // the line of the file it shows on, from 1
	What string // what it is, for a message: "UTF-16 text"
	// Text is set when the file is text in another encoding, not
	// perhaps a binary file (a NUL byte alone): UTF-16, or UTF-8 with
	// its byte-order mark twice over.
	Text bool
}

// NotUTF8Text says, of data as a file holds it, what shows it is not
// UTF-8 text, nil when nothing does: UTF-16 text, by its byte-order mark
// or, without one, by its first character (a printable ASCII one, a NUL
// byte beside it); UTF-8 with its byte-order mark written twice, which a
// reader skips once, the second read as the text's first character; and
// any NUL byte, as UTF-16 text and binary files hold. One byte-order
// mark changes nothing. Each is told for what it is, not blamed on what
// the reader finds there: a preset file in UTF-16 without its mark would
// be "invalid JSON: invalid character '\x00'", one with two marks "not a
// preset file".
func NotUTF8Text(data []byte) *NotUTF8 {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")), utf16ASCII(data):
		return &NotUTF8{Line: 1, What: "UTF-16 text", Text: true}
	case bytes.HasPrefix(data, []byte("\ufeff")):
		return &NotUTF8{Line: 1, What: "its byte-order mark twice over, which a reader skips once", Text: true}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return &NotUTF8{Line: 1 + bytes.Count(data[:i], []byte("\n")), What: "a NUL byte, as UTF-16 text and binary files hold"}
	}
	return nil
}

// utf16ASCII reports whether data begins with a printable ASCII
// character written as UTF-16 of either byte order: its byte beside a
// NUL. A line end there is not taken for one: written CRLF, it would not
// read as one.
func utf16ASCII(data []byte) bool {
	printable := func(c byte) bool { return c >= 0x20 && c < 0x7f }
	return len(data) >= 2 && (data[1] == 0 && printable(data[0]) || data[0] == 0 && printable(data[1]))
}
