package engine

import (
	"errors"
	"fmt"
	"testing"
)

// TestSpacedSettingReadsTheTrimmedSetting: SpacedSetting says the
// spaces alone, and the setting to write, only where read takes the key
// and value without them, and read's refusal with the spaces otherwise,
// so that what a spaced setting is told is what its reading says.
func TestSpacedSettingReadsTheTrimmedSetting(t *testing.T) {
	var read []string
	takes := func(key, value string) error { read = append(read, key+"="+value); return nil }
	refuses := func(key, value string) error { return errors.New("read refuses " + key + "=" + value) }
	for _, c := range []struct {
		key, value string
		read       func(key, value string) error
		want       string
	}{
		{"gp", "1", takes, ""},
		{"gp", "1 ", takes, ""}, // the value's own trailing spaces are Set's to tell
		{"gp", " 05", takes, `"gp= 05" has spaces around its =; write gp=05`},
		{"gp ", "5", takes, `"gp =5" has spaces around its =; write gp=5`},
		{" gp", " 5", takes, `" gp= 5" has spaces before its key; write gp=5`},
		{"target", " normal(4,\n1)", takes, `"target= normal(4,\n1)" has spaces around its =; write $'target=normal(4,\n1)'`},
		{"target", " normal(4,1)", takes, `"target= normal(4,1)" has spaces around its =; write 'target=normal(4,1)'`}, // as a shell reads it back: bare, its parentheses a syntax error
		{"gp", " 05", refuses, `"gp= 05" has spaces around its =, and read refuses gp=05`},
		{" gp", "x", refuses, `" gp=x" has spaces before its key, and read refuses gp=x`},
	} {
		read = nil
		err := SpacedSetting(c.key+"="+c.value, c.key, c.value, c.read)
		if got := fmt.Sprint(err); err == nil && c.want != "" || err != nil && got != c.want {
			t.Errorf("SpacedSetting(%q, %q) = %v\nwant %s", c.key, c.value, err, c.want)
		}
		if c.want != "" && len(read) > 1 {
			t.Errorf("SpacedSetting(%q, %q) read %q, want one reading", c.key, c.value, read)
		}
	}
}

// TestSetSpacesOffersWhatSetTakes: SetSpaces offers the setting to write
// only where Set takes it, and tells what else Set refuses in it as Set
// tells it otherwise: a number written in a way Set refuses (a decimal
// comma, commas between thousands, hexadecimal, a + or a leading 0) is
// told so with the number to write, where --set "gp= 0,5" was told
// "write gp=0,5", refused next for its decimal comma, and --set "gp= 05"
// "write gp=5", its 0 dropped unsaid; and a number the key refuses is
// told with what was taken off it.
func TestSetSpacesOffersWhatSetTakes(t *testing.T) {
	for _, c := range []struct{ key, value, want string }{
		{"gp", " 0,5", `"gp= 0,5" has spaces around its =, and "0,5" has a decimal comma; write it with a point: 0.5`},
		{"gp ", "00,5", `"gp =00,5" has spaces around its =, and "00,5" has a decimal comma; write it with a point: 0.5`},
		{"batch", " 1,024", `"batch= 1,024" has spaces around its =, and "1,024" has commas; write it without them: 1024`},
		{"g_lr", " 1,024", `"g_lr= 1,024" has spaces around its =, and "1,024" has commas, and 1024 out of range (0,10]; if the comma is a decimal one, write it with a point: 1.024`},
		{"epochs", " 1_000", `"epochs= 1_000" has spaces around its =, and "1_000" has underscores; write it without them: 1000`},
		// two readings taken: both told, as Set tells them
		{"gp", " 1,000", `"gp= 1,000" has spaces around its =, and "1,000" has commas; write it without them: 1000, or 1.000 if the comma is a decimal one`},
		// a number Set refuses for its leading 0 or its + is told so,
		// as --set gp=05 tells it, where "write gp=5" dropped them unsaid
		{"gp", " 05", `"gp= 05" has spaces around its =, and "05" has a leading 0; write it without it: 5`},
		{"epochs", " +007", `"epochs= +007" has spaces around its =, and "+007" has a + before it, and "007" has leading 0s; write it without them: 7`},
		{"gp ", "-00", `"gp =-00" has spaces around its =, and "-00" has a - and a leading 0; write it without them: 0`},
		// one Set takes is offered as the setting to write
		{"g_lr", " 0.5", `"g_lr= 0.5" has spaces around its =; write g_lr=0.5`},
		{"loss", " bce", `"loss= bce" has spaces around its =; write loss=bce`},
		// a number the key refuses is told so, not offered: "write
		// g_lr=16" was refused on the next try for its range
		{"g_lr", " 0x10", `"g_lr= 0x10" has spaces around its =, and "0x10" is hexadecimal, and 16 out of range (0,10]`},
		{"g_lr", " 50", `"g_lr= 50" has spaces around its =, and 50 out of range (0,10]`},
		{" g_lr", "0x10", `" g_lr=0x10" has spaces before its key, and "0x10" is hexadecimal, and 16 out of range (0,10]`},
		// the + and leading 0s taken off a number the key refuses are
		// named, as Set names them (gp: "-05" has a leading 0, and -5
		// out of range…), where "-05" was told "and -5 out of range"
		{"gp", " -05", `"gp= -05" has spaces around its =, and "-05" has a leading 0, and -5 out of range: 0 (off) or (0,1000]`},
		{"gp", " +05000", `"gp= +05000" has spaces around its =, and "+05000" has a + before it, and "05000" has a leading 0, and 5000 out of range: 0 (off) or (0,1000]`},
		// a number with a decimal comma the key refuses is told so, as
		// --set gp=-0,5 tells it, where "write gp=-0,5" was offered as
		// written, refused next for its comma and its range
		{"gp", " -0,5", `"gp= -0,5" has spaces around its =, and "-0,5" has a decimal comma, and -0.5 out of range: 0 (off) or (0,1000]`},
		// and with a minus sign for its -, where "write gp=−0,5" was
		// offered and refused next as "not a number"
		{"gp", " \u22120,5", `"gp= −0,5" has spaces around its =, and "−0,5" has a minus sign −, and "-0,5" has a decimal comma, and -0.5 out of range: 0 (off) or (0,1000]`},
		// the leading 0s under underscores are named, as --set gp=0_05
		// names them, where "write gp=5" dropped "005"'s 0s unsaid
		{"gp", " 0_05", `"gp= 0_05" has spaces around its =, and "0_05" has underscores, and "005" has leading 0s; write it without them: 5`},
		{"g_lr", " 0_50", `"g_lr= 0_50" has spaces around its =, and "0_50" has underscores, and "050" has a leading 0, and 50 out of range (0,10]`},
		{"gp", " -00", `"gp= -00" has spaces around its =, and "-00" has a - and a leading 0; write it without them: 0`},
		{"g_lr", " -00", `"g_lr= -00" has spaces around its =, and "-00" has a - and a leading 0, and 0 out of range (0,10]`},
	} {
		design := blogConfig()
		err := design.SetSpaces(c.key+"="+c.value, c.key, c.value)
		if err == nil || err.Error() != c.want {
			t.Errorf("SetSpaces(%q, %q) = %v\nwant %s", c.key, c.value, err, c.want)
		}
	}
}

// TestEndsInCR: the values Spaces tells as a CRLF script's, a carriage
// return and no other space around the value, are the ones EndsInCR
// reports, so that main's count flags and a name's --set, which tell
// such a value in words of their own, ask the predicate, where they
// compared Spaces' words with a constant.
func TestEndsInCR(t *testing.T) {
	for v, want := range map[string]bool{
		"1\r": true, "bce\r": true, "0,5\r": true,
		"1": false, "\r": false, " 1\r": false, "1 \r": false, "1\r\r": false, "1\n": false, "1\r\n": false,
	} {
		if got := EndsInCR(v); got != want {
			t.Errorf("EndsInCR(%q) = %v, want %v", v, got, want)
		}
		if how, them := Spaces(v); (them == "it") != want || (how == carriageReturn) != want {
			t.Errorf("Spaces(%q) = %q, %q, where EndsInCR is %v", v, how, them, want)
		}
	}
}

// TestSetSpacesOffersNoNumberSetRefuses: a value Set reads as no number
// is told as Set tells it, not offered: --set "gp= +0,5" was told
// "write gp=+0,5", and gp=+0,5 is `"+0,5" is not a number`.
func TestSetSpacesOffersNoNumberSetRefuses(t *testing.T) {
	for _, c := range []struct{ key, value, want string }{
		{"gp", " +0,5", `"gp= +0,5" has spaces around its =, and "+0,5" is not a number; allowed: 0 (off) or (0,1000]`},
		{"batch", " 00,5", `"batch= 00,5" has spaces around its =, and "00,5" is not a number; allowed: 1..100,000`},
		{"g_lr ", "fast", `"g_lr =fast" has spaces around its =, and "fast" is not a number; allowed: (0,10]`},
		{"g_hidden", " 0,5", `"g_hidden= 0,5" has spaces around its =, and width 0 out of range 1..4,096`},
	} {
		design := blogConfig()
		err := design.SetSpaces(c.key+"="+c.value, c.key, c.value)
		if err == nil || err.Error() != c.want {
			t.Errorf("SetSpaces(%q, %q) = %v\nwant %s", c.key, c.value, err, c.want)
		}
	}
}
