package engine

import (
	"regexp"
	"strings"
	"testing"
)

// TestSettingSpacesOffersWhatSetTakes: the setting SettingSpaces tells
// the user to write is one Set does not refuse for a leading 0, where
// --set "gp= 05" was told "write gp=05", refused next for its 0.
func TestSettingSpacesOffersWhatSetTakes(t *testing.T) {
	for _, c := range []struct{ key, value, want string }{
		{"gp", " 05", `"gp= 05" has spaces around its =; write gp=5`},
		// a zero's - goes with its 0s, and is said to, as --set gp=-00
		// says it, where "write gp=0" dropped it without a word
		{"gp ", "-00", `"gp =-00" has spaces around its =, and "-00" has a - and a leading 0; write gp=0`},
		{"gp", " -00", `"gp= -00" has spaces around its =, and "-00" has a - and a leading 0; write gp=0`},
		{"epochs", " +007", `"epochs= +007" has spaces around its =; write epochs=7`},
		{"g_lr", " 0.5", `"g_lr= 0.5" has spaces around its =; write g_lr=0.5`},
		{"loss", " bce", `"loss= bce" has spaces around its =; write loss=bce`},
	} {
		err := SettingSpaces(c.key+"="+c.value, c.key, c.value)
		if err == nil || err.Error() != c.want {
			t.Errorf("SettingSpaces(%q, %q) = %v\nwant %s", c.key, c.value, err, c.want)
		}
	}
}

// FuzzSettingSpacesOffersWhatSetTakes: what SettingSpaces says to write
// is not refused by Set for a leading 0 or a + (FuzzSetOffersWhatSetTakes for
// spaces beside the =).
func FuzzSettingSpacesOffersWhatSetTakes(f *testing.F) {
	for _, v := range []string{" 05", " -00", " 007.5", " 0", "05 ", " +05", " +000"} {
		for _, k := range []string{"gp", "g_lr", "epochs", "batch"} {
			f.Add(k, v)
		}
	}
	offer := regexp.MustCompile(`; write [^=]*=(.*)$`)
	f.Fuzz(func(t *testing.T, key, value string) {
		err := SettingSpaces(key+"="+value, key, value)
		if err == nil {
			return
		}
		m := offer.FindStringSubmatch(err.Error())
		if m == nil || strings.ContainsAny(m[1], "\\\"") {
			return
		}
		c := blogConfig()
		if err2 := c.Set(strings.TrimSpace(key), m[1]); err2 != nil && (strings.Contains(err2.Error(), "leading 0") || strings.Contains(err2.Error(), "has a + before it")) {
			t.Fatalf("SettingSpaces(%q, %q) = %v\nbut Set(%q, %q) = %v", key, value, err, strings.TrimSpace(key), m[1], err2)
		}
	})
}

// TestSetSpacesOffersWhatSetTakes: the setting SetSpaces tells --set to
// write is one Set takes, where a number written in a way Set refuses
// (a decimal comma, commas between thousands, hexadecimal) was offered as
// written: --set "gp= 0,5" was told "write gp=0,5", refused next for its
// decimal comma; and a number it refuses is told with what was taken
// off it, as Set tells it.
func TestSetSpacesOffersWhatSetTakes(t *testing.T) {
	for _, c := range []struct{ key, value, want string }{
		{"gp", " 0,5", `"gp= 0,5" has spaces around its =, and "0,5" has a decimal comma; write gp=0.5`},
		{"gp ", "00,5", `"gp =00,5" has spaces around its =, and "00,5" has a decimal comma; write gp=0.5`},
		{"batch", " 1,024", `"batch= 1,024" has spaces around its =, and "1,024" has commas; write batch=1024`},
		{"g_lr", " 1,024", `"g_lr= 1,024" has spaces around its =, and "1,024" has commas, and 1024 out of range (0,10]; if the comma is a decimal one, write g_lr=1.024`},
		{"epochs", " 1_000", `"epochs= 1_000" has spaces around its =, and "1_000" has underscores; write epochs=1000`},
		// two readings taken: Set tells both on the next try
		{"gp", " 1,000", `"gp= 1,000" has spaces around its =; write gp=1,000`},
		{"gp", " 05", `"gp= 05" has spaces around its =; write gp=5`},
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
		{"gp", " 0_05", `"gp= 0_05" has spaces around its =, and "0_05" has underscores, and "005" has leading 0s; write gp=5`},
		{"g_lr", " 0_50", `"g_lr= 0_50" has spaces around its =, and "0_50" has underscores, and "050" has a leading 0, and 50 out of range (0,10]`},
		{"gp", " -00", `"gp= -00" has spaces around its =, and "-00" has a - and a leading 0; write gp=0`},
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
