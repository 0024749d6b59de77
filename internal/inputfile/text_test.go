package inputfile

import "testing"

// TestNotUTF8TextSaysWhatItIs: UTF-16 with its mark or without (by its
// first character, in either byte order), UTF-8 with its mark twice, and
// a NUL byte on its line are told apart; UTF-8 text, with one mark or
// none, and a first line end beside a NUL are no UTF-16.
func TestNotUTF8TextSaysWhatItIs(t *testing.T) {
	for in, want := range map[string]NotUTF8{
		"\xff\xfe{\x00":            {1, "UTF-16 text", true},
		"\xfe\xff\x00{":            {1, "UTF-16 text", true},
		"{\x00}\x00":               {1, "UTF-16 text", true},
		"\x00{\x00}":               {1, "UTF-16 text", true},
		"\ufeff{\x00}\x00":         {1, "UTF-16 text", true},
		"\ufeff\ufeff{}":           {1, "its byte-order mark twice over, which a reader skips once", true},
		"{\n\"a\": 1,\n\x00}":      {3, "a NUL byte, as UTF-16 text and binary files hold", false},
		"\n\x00x\x00":              {2, "a NUL byte, as UTF-16 text and binary files hold", false},
		"GANUICKP\x03\x00\x00\x00": {1, "a NUL byte, as UTF-16 text and binary files hold", false},
	} {
		if got := NotUTF8Text([]byte(in)); got == nil || *got != want {
			t.Errorf("%q: %+v, want %+v", in, got, want)
		}
	}
	for _, in := range []string{"", "{}", "\ufeff{}", "x,y\n1,2\n", "é"} {
		if got := NotUTF8Text([]byte(in)); got != nil {
			t.Errorf("%q: %+v, want nil", in, got)
		}
	}
}
