package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/shellword"
	"github.com/ganui/ganui/internal/testdesigns"
	"github.com/ganui/ganui/presets"
)

func TestParseSweep(t *testing.T) {
	base := testdesigns.PerSample(10)
	sw, err := ParseSweep([]string{"d_lr=1e-4,1e-3,1e-2", "g_hidden=[8],16", "target=mixture(-2,0.5;2,0.5),normal(0,1)"}, base, 3)
	if err != nil {
		t.Fatal(err)
	}
	axes, cells := sw.Axes, sw.Cells
	want := []SweepAxis{
		{"d_lr", []string{"1e-4", "1e-3", "1e-2"}},
		{"g_hidden", []string{"[8]", "16"}},
		{"target", []string{"mixture(-2,0.5;2,0.5)", "normal(0,1)"}},
	}
	if len(axes) != len(want) {
		t.Fatalf("axes %q", axes)
	}
	for i := range want {
		if axes[i].Key != want[i].Key || strings.Join(axes[i].Values, "|") != strings.Join(want[i].Values, "|") {
			t.Errorf("axis %d: %q, want %q", i, axes[i], want[i])
		}
	}
	if len(cells) != 12 {
		t.Fatalf("%d cells", len(cells))
	}
	if c := cells[1]; c.Config.DLR != 1e-4 || c.Config.GHidden[0] != 8 || c.Config.Target != "normal(0,1)" {
		t.Errorf("cell 1 is %q: d_lr %v g_hidden %v target %s", c.Values, c.Config.DLR, c.Config.GHidden, c.Config.Target)
	}
	if base.DLR != 1e-3 || len(base.GHidden) != 1 {
		t.Error("the cells changed the base design")
	}
	// A list of names is swept as a list of widths is, in brackets, the names
	// bare: [elu,identity] is not refused with "want a list of strings".
	if sw, err := ParseSweep([]string{"g_acts=[leaky_relu,identity],[elu,identity]"}, base, 1); err != nil || sw.Cells[1].Config.GActs[0] != engine.ELU {
		t.Errorf("a sweep of activations: %v", err)
	}

	for _, c := range []struct {
		specs []string
		seeds int
		want  string
	}{
		{[]string{"nope=1,2"}, 1, `unknown key "nope"`},
		{[]string{"nope="}, 1, `unknown key "nope"`}, // the key before its values, not "nope: an empty value"
		{[]string{"a\nb=1,,2"}, 1, `unknown key "a\nb"`},
		{[]string{"d_lr"}, 1, "want key=v1,v2"},
		{[]string{"=1"}, 1, "want key=v1,v2"},
		{[]string{"d_lr="}, 1, "d_lr: no values; give them comma-separated, d_lr=v1,v2,…"}, // this and the next, not "an empty value in" with no way on
		{[]string{"d_lr=,"}, 1, "d_lr: no values; give them comma-separated, d_lr=v1,v2,…"},
		{[]string{"d_lr=1e-3,,1e-2"}, 1, `d_lr: an empty value in "1e-3,,1e-2"; write d_lr=1e-3,1e-2`},
		// A bracket left unmatched keeps the commas after it from
		// splitting: told so, the value named whole, not "no such file".
		{[]string{"preset=a[.json,b.json"}, 1, `preset: value "a[.json,b.json" has a [ that nothing closes, so the commas after it split no values; --sweep splits its values at the commas outside brackets, which keep a list together: g_hidden=[16,16],[32]`},
		{[]string{"preset=a].json,b.json"}, 1, `preset: value "a].json,b.json" has a ] that no bracket before it opens, so the commas after it split no values; --sweep splits its values at the commas outside brackets, which keep a list together: g_hidden=[16,16],[32]`},
		{[]string{"g_hidden=[8],[16,16"}, 1, `g_hidden: value "[16,16" has a [ that nothing closes, so the commas after it split no values; --sweep splits its values at the commas outside brackets, which keep a list together: g_hidden=[16,16],[32]`},
		{[]string{"d_lr=1e-3,"}, 1, `d_lr: an empty value in "1e-3,"; write d_lr=1e-3`},
		{[]string{"g_hidden=[8,8],,[16]"}, 1, `g_hidden: an empty value in "[8,8],,[16]"; write 'g_hidden=[8,8],[16]'`},
		{[]string{"d_lr=0\n0,"}, 1, `d_lr: an empty value in "0\n0,"; write $'d_lr=0\n0'`}, // the line break escaped as a shell reads it back, not breaking the message (FuzzParseSweep)
		{[]string{"d_lr=1e-3,1e-3"}, 1, `d_lr, values 1 and 2 of 2: "1e-3" appears twice; give it once`},
		{[]string{"name=a,b"}, 1, "name trains nothing"},
		{[]string{"d_lr=1e-3,1e-2", "description=x,y"}, 1, "description trains nothing"},
		{[]string{"source=x"}, 1, "source trains nothing"},
		{[]string{"d_lr=1e-3,0.001"}, 1, "d_lr, values 1 and 2 of 2: 1e-3 and 0.001 are the same value; give one of them"},
		{[]string{"target=normal(4,1.25),normal(4,1.250)"}, 1, "target, values 1 and 2 of 2: 'normal(4,1.25)' and 'normal(4,1.250)' are the same value"}, // each as a shell reads it back, as --sweep 'target=…' is given
		{[]string{"target=normal(4, 1.25),normal(4,1.250)"}, 1, "target, values 1 and 2 of 2: 'normal(4, 1.25)' and 'normal(4,1.250)' are the same value"},
		{[]string{"target=mixture(-2,0.5;2,0.5),mixture(-2,.5;2,.5)"}, 1, "are the same value"},
		{[]string{"g_hidden=[\n],[]"}, 1, `g_hidden, values 1 and 2 of 2: $'[\n]' and '[]' are the same value; give one of them`}, // the line break escaped, not breaking the message (FuzzParseSweep)
		{[]string{`g_acts=[relu,identity],["relu","identity"]`}, 1, `g_acts, values 1 and 2 of 2: '[relu,identity]' and '["relu","identity"]' are the same value`},
		{[]string{"d_lr=1e-3", "d_lr=1e-2"}, 1, "swept twice"},
		{[]string{"d_lr=fast"}, 1, "not a number"},
		{[]string{"d_lr=1e-3, 1e-2"}, 1, `d_lr: value " 1e-2" has spaces around it; write d_lr=1e-3,1e-2`},
		{[]string{"d_opt=adam ,sgd"}, 1, `d_opt: value "adam " has spaces around it; write d_opt=adam,sgd`},
		{[]string{"d_lr =1e-3,1e-2"}, 1, `"d_lr =1e-3,1e-2" has spaces around its =; write d_lr=1e-3,1e-2`}, // the key's spaces named, not trimmed
		{[]string{"d_opt= adam,sgd"}, 1, `"d_opt= adam,sgd" has spaces around its =; write d_opt=adam,sgd`},
		{[]string{"d_lr =1e-3,\n1e-2"}, 1, `"d_lr =1e-3,\n1e-2" has spaces around its =, and d_lr: value "\n1e-2" has spaces around it; write d_lr=1e-3,1e-2`}, // the line break escaped, not breaking the message, and dropped from the list to write
		// What else the sweep refuses in the spec without its spaces is
		// said with them, as the sweep says it: not "write loss=,bce",
		// refused in turn for its empty value, nor a value with spaces
		// around it.
		{[]string{"loss= ,bce"}, 1, `"loss= ,bce" has spaces around its =, and loss: an empty value in ",bce"; write loss=bce`},
		{[]string{"loss =bce ,least_squares"}, 1, `"loss =bce ,least_squares" has spaces around its =, and loss: value "bce " has spaces around it; write loss=bce,least_squares`},
		// Nor one refused next for its leading 0: not gp=05,1.
		{[]string{"gp=05 ,1"}, 1, `gp: value "05 " has spaces around it; write gp=5,1`},
		// Nor one refused next for a minus sign in any value: not
		// g_lr=1e−3,2e−3.
		{[]string{"g_lr=1e\u22123, 2e\u22123"}, 1, `g_lr: value " 2e−3" has spaces around it; write g_lr=1e-3,2e-3`},
		{[]string{"g_lr=1e\u20133,,2e-3"}, 1, `g_lr: an empty value in "1e–3,,2e-3"; write g_lr=1e-3,2e-3`},
		{[]string{"g_lr= 1e\u22123,2e-3"}, 1, `"g_lr= 1e−3,2e-3" has spaces around its =, and g_lr, value 1 of 2: "1e−3" has a minus sign −; write it with a hyphen -: 1e-3`},
		{[]string{"gp=1,2\r"}, 1, `gp: value "2\r" ends in a carriage return, as a script saved with Windows line ends does; write gp=1,2`}, // a CRLF script's, said as --set says it
		// as --sweep gp=05,1 says it, where "write gp=5,1" dropped the 0 unsaid
		{[]string{"gp= 05,1"}, 1, `"gp= 05,1" has spaces around its =, and gp, value 1 of 2: "05" begins with a 0, as no number's whole part does; 05,1 is one number? write it 5.1`},
		{[]string{"gp=05, 1"}, 1, `gp: value " 1" has spaces around it; write gp=5,1`},
		{[]string{"gp=0, 05"}, 1, `gp: value " 05" has spaces around it; write gp=0,05`},               // 0,05 may be 0.05: told whole next
		{[]string{"batch=01, 024"}, 1, `batch: value " 024" has spaces around it; write batch=01,024`}, // 01,024 may be 1,024
		// A last group of thousands with a fraction is the number's, told
		// as --set tells it, not its part after the comma.
		{[]string{"gp=1,000.5"}, 1, `gp, values 1 and 2 of 2: "1,000.5" has commas, and 1000.5 out of range: 0 (off) or (0,1000]`},
		{[]string{"gp=2,1,000.5"}, 1, `gp, values 2 and 3 of 3: "1,000.5" has commas, and 1000.5 out of range: 0 (off) or (0,1000]`},
		{[]string{"gp=0,000.5"}, 1, `gp, value 2 of 2: "000.5" has leading 0s; write it without them: 0.5`}, // 0,000.5 groups no thousands
		// Groups of thousands before it too, told whole, not the first
		// group alone ("1,000 is one number? write it 1000, …"), and a
		// count's told it is not whole, not its "000.5" alone.
		{[]string{"gp=1,000,000.5"}, 1, `gp, values 1 to 3 of 3: "1,000,000.5" has commas, and 1000000.5 out of range: 0 (off) or (0,1000]`},
		{[]string{"gp=2,1,100,000.5"}, 1, `gp, values 2 to 4 of 4: "1,100,000.5" has commas, and 1100000.5 out of range: 0 (off) or (0,1000]`},
		{[]string{"epochs=1,000.5"}, 1, `epochs, values 1 and 2 of 2: "1,000.5" has commas, and 1000.5 is not a whole number; allowed: 1..1,000,000,000`},
		// A point alone after the thousands, as --set reads gp=1,000.,
		// where "000." was told its leading 0s ("write it without them: 0.").
		{[]string{"gp=1,000."}, 1, `gp, values 1 and 2 of 2: "1,000." has commas; write it without them: 1000`},
		{[]string{"epochs=1,000,000.5"}, 1, `epochs, values 1 to 3 of 3: "1,000,000.5" has commas, and 1000000.5 is not a whole number; allowed: 1..1,000,000,000`},
		{[]string{" d_lr=1e-3,,1e-2"}, 1, `" d_lr=1e-3,,1e-2" has spaces before its key, and d_lr: an empty value in "1e-3,,1e-2"; write d_lr=1e-3,1e-2`},
		{[]string{"d_lr=+1e-3"}, 1, `d_lr: "+1e-3" has a + before it; write it without one: 1e-3`},
		{[]string{"d_lr=1e-3,-1"}, 1, "d_lr, value 2 of 2: -1 out of range"},
		{[]string{"d_lr=NaN,1e-3"}, 1, "d_lr, value 1 of 2: NaN is not a finite number; allowed: (0,10]"},
		{[]string{"g_lr=1e-3,-inf"}, 1, "g_lr, value 2 of 2: -inf is not a finite number; allowed: (0,10]"},
		{[]string{"g_lr=1e-3,+Inf"}, 1, "g_lr, value 2 of 2: +Inf is not a finite number; allowed: (0,10]"},
		{[]string{"d_steps=1,2,3,4,5,6,7,8,9,10", "g_steps=1,2,3,4,5,6,7,8,9,10"}, 101, "the grid has 10,100 runs (10 × 10 cells × 101 seeds); at most 10,000"},
		{[]string{"nope=1,2"}, 10_000, `unknown key "nope"`}, // a misspelt key before the grid's size
		{nil, 1, "nothing to sweep"},
		// A number with its thousands grouped, split at its commas, is told
		// the number to write with the refusal of its groups.
		{[]string{"epochs=10,000"}, 1, "epochs, value 2 of 2: 0 out of range 1..1,000,000,000; 10,000 is one number? write it 10000"},
		{[]string{"batch=1,024"}, 1, `batch, value 2 of 2: "024" begins with a 0, as a number's thousands do after a comma; 1,024 is one number? write it 1024`},
		// A width with its thousands grouped, split at its comma, is told
		// as --set g_hidden=2,048 is, where the sweep trained 2 and 48.
		{[]string{"g_hidden=2,048"}, 1, `g_hidden, value 2 of 2: "048" begins with a 0, as a number's thousands do after a comma; 2,048 is one width? write it 2048`},
		{[]string{"g_hidden=1,000"}, 1, `g_hidden, value 2 of 2: width 0 out of range 1..4,096; 1,000 is one width? write it 1000`},
		{[]string{"epochs=2,500,10,000"}, 1, `epochs, value 4 of 4: 0 out of range 1..1,000,000,000; 10,000 is one number? write it 10000`},                   // 2 and 500 may be two values
		{[]string{"epochs=100,000"}, 1, `epochs, value 2 of 2: 0 out of range 1..1,000,000,000; 100,000 is one number? write it 100000`},                      // three digits before the group
		{[]string{"epochs=1,000,2,000"}, 1, `epochs, values 2 and 4 of 4: "000" appears twice; give it once; 1,000,2,000 is 2 numbers? write them 1000,2000`}, // each number told
		{[]string{"epochs=1,000,000"}, 1, `epochs, values 2 and 3 of 3: "000" appears twice; give it once; 1,000,000 is one number? write it 1000000`},
		// A fraction written with a decimal comma, split at it, is told the
		// number to write: its digits after the comma where they begin
		// with a 0, which no value is written with, else with the refusal
		// of its parts, in the loop and in the cells' check alike.
		{[]string{"g_lr=0,001"}, 1, `g_lr, value 2 of 2: "001" begins with a 0, as a fraction's digits do after a decimal comma; 0,001 is one number? write it 0.001`},
		{[]string{"gp=0,05"}, 1, `gp, value 2 of 2: "05" begins with a 0, as a fraction's digits do after a decimal comma; 0,05 is one number? write it 0.05`},
		// A whole part with a 0 too many, as --set gp=00,5 is told its 0.5,
		// where gp=00,5 trained 0 and 5 and named the first cell gp=00.
		{[]string{"gp=00,5"}, 1, `gp, value 1 of 2: "00" begins with a 0, as no number's whole part does; 00,5 is one number? write it 0.5`},
		// A 0 with a minus sign before digits is a negative fraction's
		// whole part, told what the key says of that fraction, where
		// gp=-0,5 trained 0 and 5 without a word.
		{[]string{"gp=-0,5"}, 1, `gp, value 1 of 2: "-0" is 0 with a minus sign; -0,5 is one number? -0.5 out of range: 0 (off) or (0,1000]`},
		{[]string{"gp=-00,5"}, 1, `gp, value 1 of 2: "-00" begins with a 0, as no number's whole part does; -00,5 is one number? -0.5 out of range: 0 (off) or (0,1000]`},
		{[]string{"gp=1,-0,5"}, 1, `gp, value 2 of 3: "-0" is 0 with a minus sign; -0,5 is one number? -0.5 out of range: 0 (off) or (0,1000]`},
		// A value whose whole part begins with a 0 before another digit,
		// which --set and a preset file refuse, is refused as they
		// refuse it, where it was the cell gp=5, once no number its
		// commas split is told.
		{[]string{"gp=05"}, 1, `gp: "05" has a leading 0; write it without it: 5`},
		{[]string{"gp=00,1e-3"}, 1, `gp, value 1 of 2: "00" has a leading 0; write it without it: 0`},
		{[]string{"g_hidden=016,32"}, 1, `g_hidden, value 1 of 2: width "016" has a leading 0; write it without it: 16`},
		{[]string{"g_lr=00,5,1e-3"}, 1, `g_lr, value 1 of 3: "00" begins with a 0, as no number's whole part does; 00,5 is one number? write it 0.5`},
		{[]string{"g_lr=1e-3,0,001"}, 1, `g_lr, value 3 of 3: "001" begins with a 0, as a fraction's digits do after a decimal comma; 0,001 is one number? write it 0.001`},
		{[]string{"g_lr=0,5"}, 1, `g_lr, value 1 of 2: 0 out of range (0,10]; 0,5 is one number? write it 0.5`},
		{[]string{"d_momentum=0,9"}, 1, `d_momentum, value 2 of 2: 9 out of range [0,1); 0,9 is one number? write it 0.9`},
		{[]string{"g_lr=1,5,2,5"}, 1, `g_lr, values 2 and 4 of 4: "5" appears twice; give it once; 1,5,2,5 is 2 numbers? write them 1.5,2.5`},
		// Every fraction of the list told, not the one the refusal met.
		{[]string{"d_lr=0,5,0,7"}, 1, `d_lr, values 1 and 3 of 4: "0" appears twice; give it once; 0,5,0,7 is 2 numbers? write them 0.5,0.7`},
		{[]string{"d_lr=1e-3,0,1,0,2,0,3"}, 1, `d_lr, values 2 and 4 of 7: "0" appears twice; give it once; 0,1,0,2,0,3 is 3 numbers? write them 0.1,0.2,0.3`},
		// A number given more than once proposed once, as a sweep takes
		// it, not "write them 0.1,0.1,0.1", which it refuses for the repeats.
		{[]string{"g_lr=0,1,0,1,0,1"}, 1, `g_lr, values 1 and 3 of 6: "0" appears twice; give it once; 0,1,0,1,0,1 is one number 3 times? write it once: 0.1`},
		{[]string{"d_lr=0,5,0,7,0,5"}, 1, `d_lr, values 1 and 3 of 6: "0" appears twice; give it once; 0,5,0,7,0,5 is 3 numbers, 2 of them different? write each once: 0.5,0.7`},
		{[]string{"epochs=1,000,1,000"}, 1, `epochs, values 1 and 3 of 4: "1" appears twice; give it once; 1,000,1,000 is one number twice? write it once: 1000`},
		{[]string{"d_lr=1,000,1,000"}, 1, `d_lr, values 1 and 3 of 4: "1" appears twice; give it once; 1,000,1,000 is one number twice? write it once: 1.000 if the comma is a decimal one`},
		// A fraction's 1,000 told both readings, as a preset file's is.
		// A width's thousands with a point alone after them, one width as
		// 48. is 48, given as a sweep's value holds a list.
		{[]string{"g_hidden=2,048."}, 1, `g_hidden, values 1 and 2 of 2: width "048." begins with a 0, as a number's thousands do after a comma; 2,048. is one width? write it 2048, or [2,48] for 2 widths`},
		{[]string{"gp=1,000"}, 1, `gp, value 2 of 2: "000" begins with a 0, as a number's thousands do after a comma; 1,000 is one number? write it 1000, or 1.000 if the comma is a decimal one`},
		// The decimal reading alone where the key takes it and not the
		// thousands, as --set tells it: g_lr=1,000; gp=10,000, whose 10 and
		// 0 gp takes, is no longer trained as the two.
		{[]string{"g_lr=1,000"}, 1, `g_lr, value 2 of 2: 0 out of range (0,10]; 1,000 is one number? write it 1.000 if the comma is a decimal one`},
		{[]string{"gp=10,000"}, 1, `gp, value 2 of 2: "000" begins with a 0, as a number's thousands do after a comma; 10,000 is one number? write it 10.000 if the comma is a decimal one`},
		{[]string{"d_lr=1,000,2,000"}, 1, `d_lr, values 2 and 4 of 4: "000" appears twice; give it once; 1,000,2,000 is 2 numbers? write them 1.000,2.000 if the comma is a decimal one`},
	} {
		_, err := ParseSweep(c.specs, base, c.seeds)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: %v, want one line with %q", c.specs, err, c.want)
		}
	}
}

// TestSweepTellsThousandsWhicheverRefusal: a count split at its comma is told
// the number it likely was whichever refusal its first part meets:
// blog-original's batch=1,024, whose batch of 1 its g_out and d_in of 100
// refuse, as vanilla's "024" is; the 1024 is told though g_out refuses it
// too, and its refusal said with it, where the next try had said it.
func TestSweepTellsThousandsWhicheverRefusal(t *testing.T) {
	base, err := presets.Get("blog-original")
	if err != nil {
		t.Fatal(err)
	}
	for spec, want := range map[string]string{
		"batch=1,024": "batch=1: g_out, d_in: 100 out of range: a divisor of batch 1, or batch a multiple of 100; 1,024 is one number? write it 1024, which the design refuses too: g_out, d_in: 100 out of range: a divisor of batch 1,024 (1, 2, 4, 8, 16, 32, 64, 128, 256, 512 or 1,024), or batch a multiple of 100",
		"batch=2,000": "batch=2: g_out, d_in: 100 out of range: a divisor of batch 2 (1 or 2), or batch a multiple of 100; 2,000 is one number? write it 2000",
		// a count's fraction of 0s after its thousands, checked as 1,024 is
		"batch=1,024.0": `batch, values 1 and 2 of 2: "1,024.0" has commas; write it without them: 1024, which the design refuses too: g_out, d_in: 100 out of range: a divisor of batch 1,024 (1, 2, 4, 8, 16, 32, 64, 128, 256, 512 or 1,024), or batch a multiple of 100`,
		// and a point alone, as --set reads batch=1,024., where "024."
		// was told its leading 0 after batch=1 was refused
		"batch=1,024.": `batch, values 1 and 2 of 2: "1,024." has commas; write it without them: 1024, which the design refuses too: g_out, d_in: 100 out of range: a divisor of batch 1,024 (1, 2, 4, 8, 16, 32, 64, 128, 256, 512 or 1,024), or batch a multiple of 100`,
		// a width's, its 2 widths given as a sweep's value holds them
		"g_hidden=2,048.0": `g_hidden, values 1 and 2 of 2: width "048.0" begins with a 0, as a number's thousands do after a comma; 2,048.0 is one width? write it 2048, or [2,48] for 2 widths`,
	} {
		if _, err := ParseSweep([]string{spec}, base, 1); err == nil || err.Error() != want {
			t.Errorf("%s on blog-original: %v, want %q", spec, err, want)
		}
	}
}

// TestSweepRefusalRunOnCarriesNoOffer: a grouped fraction's refusal
// whose words run on past the number it offers (blog-original's
// batch=1,024.0, "…: 1024, which the design refuses too: …") carries no
// engine.SettingError, whose message ends with what it offers, where
// errors.As found one wrapped beneath those words.
func TestSweepRefusalRunOnCarriesNoOffer(t *testing.T) {
	base, err := presets.Get("blog-original")
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseSweep([]string{"batch=1,024.0"}, base, 1)
	if err == nil || !strings.Contains(err.Error(), "1024, which the design refuses too") {
		t.Fatalf("batch=1,024.0 on blog-original: %v, want the 1024 offered and refused (the test's premise)", err)
	}
	var offered *engine.SettingError
	if errors.As(err, &offered) {
		t.Errorf("batch=1,024.0 on blog-original: %q carries a SettingError offering %q, its message %q", err, offered.Number, offered)
	}
}

// TestSweepTellsNoFractionOfGroups: groups of thousands after a comma,
// gp=1,000,000's "000" and "000", are no fraction written with a decimal
// comma, though gp takes the 0 they would make: the refusal is not told
// "000,000 is one number? write it 000.000", nor, for 9,999 groups, 4,999
// such numbers.
func TestSweepTellsNoFractionOfGroups(t *testing.T) {
	base := testdesigns.PerSample(10)
	for spec, want := range map[string]string{
		"gp=1,000,000":     `gp, values 2 and 3 of 3: "000" appears twice; give it once`,
		"gp=1,000,000,000": `gp, values 2 and 3 of 4: "000" appears twice; give it once`,
	} {
		if _, err := ParseSweep([]string{spec}, base, 1); err == nil || err.Error() != want {
			t.Errorf("--sweep %s: %v, want %q", spec, err, want)
		}
	}
}

// TestSweepTakesTwoValuesAroundAComma: values that read as a fraction with
// a decimal comma and as two values the key takes, gp=0,5, are swept as the
// two values (fractionDigits refuses only digits that begin with a 0), as
// are commas that may group thousands, which the key takes either way.
func TestSweepTakesTwoValuesAroundAComma(t *testing.T) {
	base := testdesigns.PerSample(10)
	for _, spec := range []string{"gp=0,5", "g_lr=1,5", "gp=10,50"} {
		if sw, err := ParseSweep([]string{spec}, base, 1); err != nil || len(sw.Cells) != 2 {
			t.Errorf("%s: %d cells, %v; want two", spec, len(sw.Cells), err)
		}
	}
}

// TestSweepTellsAPointsFileByItsFile: a points target named twice, as
// points(p.csv) and points(./p.csv), through a symbolic link or a hard link, is
// one value given twice, refused as two spellings of a number are, not trained
// as two cells. A copy of the file is another file, another cell.
func TestSweepTellsAPointsFileByItsFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	points := "x,y\n0,0\n1,1\n2,0\n"
	for _, name := range []string{"p.csv", "copy.csv"} {
		if err := os.WriteFile(name, []byte(points), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("p.csv", "soft.csv"); err != nil {
		t.Fatal(err)
	}
	if err := os.Link("p.csv", "hard.csv"); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	base, err := presets.Get("ring")
	if err != nil {
		t.Fatal(err)
	}
	for _, other := range []string{"./p.csv", "sub/../p.csv", filepath.Join(dir, "p.csv"), "soft.csv", "hard.csv"} {
		_, err := ParseSweep([]string{"target=points(p.csv),ring(8,2,0.02),points(" + other + ")"}, base, 1)
		if want := "target, values 1 and 3 of 3: 'points(p.csv)' and " + shellword.Quote("points("+other+")") + " are the same file; give one of them"; err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", other, err, want)
		}
	}
	// A name with a space is said as a shell reads it back, each value
	// one word, where "points(my p.csv) and points(./my p.csv)" left
	// the reader to find where each began.
	if err := os.WriteFile("my p.csv", []byte(points), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = ParseSweep([]string{"target=points(my p.csv),points(./my p.csv)"}, base, 1)
	if want := "target, values 1 and 2 of 2: 'points(my p.csv)' and 'points(./my p.csv)' are the same file; give one of them"; err == nil || err.Error() != want {
		t.Errorf("a name with a space: %v, want %q", err, want)
	}
	sw, err := ParseSweep([]string{"target=points(p.csv),points(copy.csv)"}, base, 1)
	if err != nil || len(sw.Cells) != 2 {
		t.Errorf("a copy: %d cells, %v; want 2", len(sw.Cells), err)
	}
	// A design on a points target sweeps its other settings over that one file.
	base.Target = "points(p.csv)"
	if sw, err := ParseSweep([]string{"d_lr=1e-4,1e-3"}, base, 1); err != nil || len(sw.Cells) != 2 {
		t.Errorf("d_lr over a points target: %d cells, %v; want 2", len(sw.Cells), err)
	}
}

// TestSweepSizeFirst: a grid of more than 10,000 runs is refused with its size
// as the product it is, and from the lists alone, before any value is set: a
// value that is no value of its key, or one said twice, as written or in
// another spelling, is not reached (the grid is refused before its 10,001
// values are each set and compared, with no key blamed for the count passing
// the bound at it, and before a value written twice is refused).
func TestSweepSizeFirst(t *testing.T) {
	base := testdesigns.PerSample(10)
	many := make([]string, 4000)
	for i := range many {
		many[i] = fmt.Sprint(i + 1)
	}
	bad := strings.Join(append(many[:3999:3999], "fast"), ",")
	for _, c := range []struct {
		specs []string
		seeds int
		want  string
	}{
		{[]string{"d_steps=1,2,3", "epochs=" + bad}, 1, "the grid has 12,000 runs (3 × 4,000 cells × 1 seed); at most 10,000"},
		{[]string{"epochs=" + strings.Join(many, ","), "d_steps=1,2,3,1e0"}, 3, "the grid has 48,000 runs (4,000 × 4 cells × 3 seeds); at most 10,000"},
		{[]string{"epochs=" + strings.Join(many, ",") + ",1e4"}, 3, "the grid has 12,003 runs (4,001 cells × 3 seeds); at most 10,000"},
		{[]string{"d_steps=1,2,3,3", "epochs=" + strings.Join(many, ",")}, 1, "the grid has 16,000 runs (4 × 4,000 cells × 1 seed); at most 10,000"},
		{[]string{"d_steps=1,2,3", "epochs=" + strings.Repeat("1,", 3999) + "x"}, 1, "the grid has 12,000 runs (3 × 4,000 cells × 1 seed); at most 10,000"},
	} {
		if _, err := ParseSweep(c.specs, base, c.seeds); err == nil || err.Error() != c.want {
			t.Errorf("%.40q…: %v, want %q", c.specs, err, c.want)
		}
	}
	// a product past a uint64: four values on each of 32 keys, 4^32 = 2^64
	var specs []string
	for _, k := range engine.ConfigKeys() {
		if len(specs) < 32 && !slices.Contains(untrained, k) {
			specs = append(specs, k+"=a,b,c,d")
		}
	}
	if _, err := ParseSweep(specs, base, 1); err == nil || !strings.HasPrefix(err.Error(), "the grid has more than 18,446,744,073,709,551,615 runs (4 × 4 × ") {
		t.Errorf("32 keys of 4 values: %v", err)
	}
}

// TestSweepErrorSaysTheValueOnce: a cell refused for a swept key's value is
// told by the value, as the key's error says it, not by the cell's name as
// well, as `target=foo(1): target "foo(1)": …` and "batch=0: batch: 0 out of
// range" would say it twice. A cell refused for a key it does not sweep, which
// its values made invalid, is named.
func TestSweepErrorSaysTheValueOnce(t *testing.T) {
	base := testdesigns.PerSample(10)
	base.GOut = 2 // G's rows of 2 samples: a batch of 7 holds none whole
	for _, c := range []struct {
		specs []string
		want  string
	}{
		{[]string{"target=foo(1)"}, `target "foo(1)": unknown kind "foo"`},
		{[]string{"target=normal(0,1),normal(1)"}, `target's value 2 of 2: target "normal(1)": normal takes (mean,std)`},
		{[]string{"batch=0"}, "batch: 0 out of range 1..100,000"},
		{[]string{"epochs=0"}, "epochs: 0 out of range 1..1,000,000,000"},
		{[]string{"d_lr=1e-3,-1"}, "d_lr, value 2 of 2: -1 out of range (0,10]"},
		{[]string{"d_lr=1e-3,1e-2", "batch=10,0"}, "batch, value 2 of 2: 0 out of range 1..100,000"},                        // not "d_lr=1e-3 batch=0: …", as if d_lr were at fault
		{[]string{"d_beta1=0.5,1"}, "d_beta1's value 2 of 2: d_beta1, d_beta2: 1, 0.999 out of range [0,1)"},                // a pair
		{[]string{"batch=10,7"}, "batch=7: g_out: 2 out of range: a divisor of batch 7 (1 or 7), or batch a multiple of 2"}, // g_out, not swept: the ways out
		{[]string{"batch=10,7", "d_lr=1e-3,1e-2"}, "batch=7 d_lr=1e-3: g_out: 2 out of range"},                              // the first cell refused
	} {
		_, err := ParseSweep(c.specs, base, 1)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: %v, want %q…", c.specs, err, c.want)
		}
	}
}

// TestSweepSaysWhereItsBadValueStands: a swept value refused is told by
// where it stands among its key's values, so that the one to mend is
// found in a long list, whatever refuses it: its reading (a number, a
// name, a width), its range, or a finite number's check; a key of one
// value says none.
func TestSweepSaysWhereItsBadValueStands(t *testing.T) {
	base := testdesigns.PerSample(10)
	for _, c := range []struct {
		specs []string
		want  string
	}{
		{[]string{"g_lr=1e-3,abc"}, `g_lr, value 2 of 2: "abc" is not a number; allowed: (0,10]`},
		{[]string{"g_lr=1e-3,1e-2,abc,1e-1"}, `g_lr, value 3 of 4: "abc" is not a number; allowed: (0,10]`},
		{[]string{"loss=bce,wgan"}, `loss, value 2 of 2: "wgan" is not one of bce, least_squares, wasserstein, hinge (did you mean wasserstein?)`},
		{[]string{"d_hidden=32,x"}, `d_hidden, value 2 of 2: width "x" is not a number; allowed: 1..4,096`},
		{[]string{"d_lr=20,1e-3"}, `d_lr, value 1 of 2: 20 out of range (0,10]`},
		{[]string{"g_lr=1e-3,1e-2", "d_lr=1e-3,20"}, `d_lr, value 2 of 2: 20 out of range (0,10]`},
		{[]string{"g_lr=abc"}, `g_lr: "abc" is not a number; allowed: (0,10]`},
	} {
		_, err := ParseSweep(c.specs, base, 1)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: %v, want %q", c.specs, err, c.want)
		}
	}
}

// TestSweepSaysWhereItsDuplicateStands: a value given twice, as written
// or in another form, is told where both stand among its key's values,
// as a bad value is told where it stands, so that both are found in a
// long list.
func TestSweepSaysWhereItsDuplicateStands(t *testing.T) {
	base := testdesigns.PerSample(10)
	for _, c := range []struct {
		specs []string
		want  string
	}{
		{[]string{"g_lr=1e-3,1e-3"}, `g_lr, values 1 and 2 of 2: "1e-3" appears twice; give it once`},
		{[]string{"g_lr=1e-4,1e-3,1e-2,1e-3"}, `g_lr, values 2 and 4 of 4: "1e-3" appears twice; give it once`},
		{[]string{"g_lr=1e-4,1e-3,1e-2,0.001"}, `g_lr, values 2 and 4 of 4: 1e-3 and 0.001 are the same value; give one of them`},
		{[]string{"d_lr=1e-3,1e-2", "loss=bce,hinge,bce"}, `loss, values 1 and 3 of 3: "bce" appears twice; give it once`},
	} {
		_, err := ParseSweep(c.specs, base, 1)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: %v, want %q", c.specs, err, c.want)
		}
	}
}

// TestSweepSaysItsValuesAreCommaSeparated: values separated by spaces or
// semicolons, as other tools write a list, are told the sweep with commas
// where it is taken, after what is wrong with them as one value; a key
// that holds a list, whose refusal says how its items are separated, and
// values the sweep with commas refuses are told as before.
func TestSweepSaysItsValuesAreCommaSeparated(t *testing.T) {
	base := testdesigns.PerSample(10)
	for _, c := range []struct{ spec, want string }{
		{"g_lr=1e-3 1e-2", `g_lr: "1e-3 1e-2" is not a number; allowed: (0,10]; --sweep separates its values by commas: --sweep g_lr=1e-3,1e-2`},
		{"d_lr=1e-3;1e-2", `d_lr: "1e-3;1e-2" is not a number; allowed: (0,10]; --sweep separates its values by commas: --sweep d_lr=1e-3,1e-2`},
		{"loss=bce least_squares", `loss: "bce least_squares" is not one of bce, least_squares, wasserstein, hinge; --sweep separates its values by commas: --sweep loss=bce,least_squares`},
		{"g_hidden=8 16", "g_hidden: widths are separated by commas: 8,16"},
		{"g_lr=1e-3 x", `g_lr: "1e-3 x" is not a number; allowed: (0,10]`},
		{"g_lr=1e-3 1e-3", `g_lr: "1e-3 1e-3" is not a number; allowed: (0,10]`},
		// Targets, whose own commas and spaces are inside their brackets,
		// are separated outside them.
		{"target=normal(4,1) normal(3, 1)", `target "normal(4,1) normal(3, 1)": "normal(3, 1)" follows the target normal(4,1); give one target (normals together are mixture(mean,std;mean,std;…)); --sweep separates its values by commas: --sweep 'target=normal(4,1),normal(3, 1)'`},
		{"target=mixture(-2,0.5;2,0.5); uniform(0,1)", `target "mixture(-2,0.5;2,0.5); uniform(0,1)": "; uniform(0,1)" follows the target mixture(-2,0.5;2,0.5); give one target (normals together are mixture(mean,std;mean,std;…)); --sweep separates its values by commas: --sweep 'target=mixture(-2,0.5;2,0.5),uniform(0,1)'`},
	} {
		if _, err := ParseSweep([]string{c.spec}, base, 1); err == nil || err.Error() != c.want {
			t.Errorf("--sweep %s: %v, want %q", c.spec, err, c.want)
		}
	}
}

// FuzzParseSweep: no spec makes the parser panic; one it refuses is
// refused in one line; one it accepts has unique keys, non-empty values,
// and a grid of valid designs within the bound.
func FuzzParseSweep(f *testing.F) {
	for _, s := range []string{"d_lr=1e-4,1e-3", "g_hidden=[8,8],[16]\x00target=normal(0,1),uniform(0,1)", "d_lr=1e-3,1e-3", "x=(", "epochs=1,2\x00d_steps=1,2,3", "d_lr=1e-3,\n1", "a\nb=1", "a\nb=",
		// The hints of numbers split at their commas (thousands, fraction).
		"epochs=1,000,2,000", "batch=1,024", "g_lr=0,001", "d_lr=0,5,0,7", "gp=1,000", "gp=1,000,000", "gp=0,05", "epochs=2,500,10,000", "gp=1,000,000.5", "epochs=2,1,000.5",
		// Spaces beside the =, and the spec to write without them.
		"gp= 1,000", "gp= 05,1", "loss= ,bce", " epochs=+007", "g_lr =1,5e-3"} {
		f.Add(s, uint8(3))
	}
	base := testdesigns.PerSample(10)
	spacesOffer := regexp.MustCompile(`^"[^"]*" has spaces (?:before its key|around its =); write ([^"\\]*)$`)
	f.Fuzz(func(t *testing.T, joined string, seeds uint8) {
		sw, err := ParseSweep(strings.Split(joined, "\x00"), base, int(seeds))
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("%q: multi-line error %q", joined, err)
			}
			// The spec a spaced one is told to write is one the sweep
			// takes, where --sweep "gp= 1,000" was told "write
			// gp=1,000", refused next as one number.
			if m := spacesOffer.FindStringSubmatch(err.Error()); m != nil {
				if _, err2 := ParseSweep([]string{m[1]}, base, int(seeds)); err2 != nil {
					t.Fatalf("%q: %v\nbut %q: %v", joined, err, m[1], err2)
				}
			}
			return
		}
		axes, cells := sw.Axes, sw.Cells
		size := 1
		for _, a := range axes {
			size *= len(a.Values)
		}
		if len(cells) != size {
			t.Fatalf("%q: %d cells, want the grid's %d", joined, len(cells), size)
		}
		if len(cells)*max(int(seeds), 1) > maxSweepRuns {
			t.Fatalf("%q: %d cells × %d seeds", joined, len(cells), seeds)
		}
		keys := map[string]bool{}
		for _, a := range axes {
			if keys[a.Key] || len(a.Values) == 0 {
				t.Fatalf("%q: axes %q", joined, axes)
			}
			keys[a.Key] = true
		}
		for _, c := range cells {
			if err := c.Config.Validate(); err != nil {
				t.Fatalf("%q: cell %q is not valid: %v", joined, c.Values, err)
			}
		}
	})
}

// TestRunSweep: a 2×2 sweep over two seeds prints a row per cell, in
// order, the same whatever jobs is, counts a cell's diverged seeds, and
// returns the rows for the heat map.
func TestRunSweep(t *testing.T) {
	cfg := testdesigns.LeastSquaresSGD() // diverges within a few epochs at a learning rate of 1
	cfg.Epochs = 30
	opts := Options{Config: cfg, Samples: 300}
	sw, err := ParseSweep([]string{"d_lr=1e-2,1", "g_lr=1e-2,2e-2"}, opts.Config, 2)
	if err != nil {
		t.Fatal(err)
	}
	var outs [2]string
	var res SweepResult
	for i, jobs := range []int{1, 3} {
		var b strings.Builder
		if res, err = RunSweep(context.Background(), opts, sw, []uint64{1, 2}, jobs, &b, nil); err != nil {
			t.Fatal(err)
		}
		outs[i] = b.String()
	}
	lines := strings.Split(strings.TrimSpace(outs[0]), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[4], "summary preset=ls-sgd target=normal(4,1.25) sweep=d_lr×g_lr cells=4 samples=300 seeds=1-2 runs=8 ") {
		t.Fatalf("output:\n%s", outs[0])
	}
	if !strings.HasPrefix(lines[0], "sweep d_lr=1e-2 g_lr=1e-2 runs=2 diverged=0 ks=0.") ||
		lines[3] != "sweep d_lr=1    g_lr=2e-2 runs=2 diverged=2" { // no measures: none to give
		t.Errorf("rows:\n%s", outs[0])
	}
	// The timings aside, which differ from run to run (and jobs 3 slows).
	timings := regexp.MustCompile(`epochs_per_s=\S+ +train_s=\S+`)
	cut := func(s string) string { return timings.ReplaceAllString(s[:strings.LastIndex(s, " jobs=")], "") }
	if cut(outs[0]) != cut(outs[1]) {
		t.Errorf("jobs 1 and 3 differ:\n%s\n%s", outs[0], outs[1])
	}
	if len(res.Rows) != 4 || res.Rows[2].Diverged != 2 || res.Rows[0].First[0] <= 0 || res.Rows[1].Values[1] != "2e-2" {
		t.Errorf("result rows %+v", res.Rows)
	}
}

// TestRunSweepStopsWhenCancelled: a cancelled sweep starts nothing, prints
// the rows it has (none) and its summary, which counts the runs it did
// not finish, and says it was interrupted; so does a batch of seeds.
func TestRunSweepStopsWhenCancelled(t *testing.T) {
	opts := Options{Config: testdesigns.PerSample(30), Samples: 300}
	sw, err := ParseSweep([]string{"d_lr=1e-3,2e-3"}, opts.Config, 1)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b strings.Builder
	res, err := RunSweep(ctx, opts, sw, []uint64{1}, 2, &b, nil)
	if err != ErrInterrupted || len(res.Rows) != 0 || !strings.HasPrefix(b.String(), "summary preset=per-sample target=normal(4,1.25) sweep=d_lr cells=2 samples=300 seeds=1 runs=0 diverged=0 unfinished=2 ks_floor=0.078 w1_floor=0.093 jobs=") {
		t.Fatalf("cancelled sweep: %v, %d rows, output %q", err, len(res.Rows), b.String())
	}
	// Both cells left, neither started: what ganui's last line names.
	if want := []UnfinishedCell{{Values: []string{"1e-3"}}, {Values: []string{"2e-3"}}}; !reflect.DeepEqual(res.Unfinished, want) {
		t.Errorf("cancelled sweep's unfinished cells %+v, want %+v", res.Unfinished, want)
	}
	b.Reset()
	_, err = RunSeeds(ctx, opts, []uint64{1, 2, 3}, 2, &b, nil)
	if err != ErrInterrupted || !strings.HasPrefix(b.String(), "summary preset=per-sample target=normal(4,1.25) samples=300 seeds=1-3 runs=0 diverged=0 unfinished=3 jobs=") {
		t.Fatalf("cancelled batch: %v, output %q", err, b.String())
	}
}

// TestACancelAfterTheLastRunIsNoStop: a sweep or batch whose context is
// cancelled as its last run's line is printed, every run trained (unfinished=
// none), returns no error, not ErrInterrupted, as a single run that ended
// before a stop reads done, so that ganui does not say "training stopped there"
// of a sweep whose reader went at its last row.
func TestACancelAfterTheLastRunIsNoStop(t *testing.T) {
	opts := Options{Config: testdesigns.PerSample(30), Samples: 300}
	sw, err := ParseSweep([]string{"d_lr=1e-3,2e-3"}, opts.Config, 1)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &cancelAtLine{cancel: cancel, line: 2}
	if _, err := RunSweep(ctx, opts, sw, []uint64{1}, 1, w, nil); err != nil || strings.Contains(w.String(), "unfinished=") {
		t.Errorf("sweep cancelled at its last row: %v, output %q", err, w.String())
	}
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	w = &cancelAtLine{cancel: cancel, line: 2}
	if _, err := RunSeeds(ctx, opts, []uint64{1, 2}, 1, w, nil); err != nil || strings.Contains(w.String(), "unfinished=") {
		t.Errorf("batch cancelled at its last run's line: %v, output %q", err, w.String())
	}
}

// cancelAtLine cancels at its line'th write, a run's line: a reader gone
// (ganui's stopOnDeadOutput) or a signal as it is printed.
type cancelAtLine struct {
	strings.Builder
	cancel func()
	line   int
}

func (w *cancelAtLine) Write(p []byte) (int, error) {
	if w.line--; w.line == 0 {
		w.cancel()
	}
	return w.Builder.Write(p)
}

// TestSweepSummaryGivesKSNoiseFloor: a 1-D sweep's summary gives KS's noise
// floor at the runs' sample size, as a --seeds summary gives it beside KS,
// so that a row's ks= can be told at the floor or above it, and W1's, its
// cells' target's (engine.W1NoiseFloor), or their range on a sweep of the
// target, where it gave none; a sweep that finished leaves no cell
// unfinished.
func TestSweepSummaryGivesKSNoiseFloor(t *testing.T) {
	for _, tc := range []struct {
		samples int
		sweep   string
		floor   string
	}{
		{2000, "d_lr=1e-3,2e-3", " ks_floor=0.030 w1_floor=0.036 "},
		{0, "d_lr=1e-3,2e-3", " ks_floor=0.014 w1_floor=0.016 "},
		{0, "target=normal(4,1.25),uniform(2,6)", " ks_floor=0.014 w1_floor_min=0.013 w1_floor_max=0.016 "},
	} {
		opts := Options{Config: testdesigns.PerSample(5), Samples: tc.samples}
		sw, err := ParseSweep([]string{tc.sweep}, opts.Config, 1)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		res, err := RunSweep(context.Background(), opts, sw, []uint64{1}, 1, &b, nil)
		lines := strings.Split(strings.TrimSpace(b.String()), "\n")
		if err != nil || !strings.Contains(lines[len(lines)-1], " diverged=0"+tc.floor+"jobs=1 ") {
			t.Errorf("%d samples: %v, summary %q, want it to give%q before jobs=", tc.samples, err, lines[len(lines)-1], tc.floor)
		}
		if len(res.Unfinished) != 0 {
			t.Errorf("finished sweep leaves cells %+v unfinished", res.Unfinished)
		}
	}
}

// TestSweepSummaryGivesSW1NoiseFloor: a plane sweep's summary gives sliced
// W1's noise floor, the runs' own (engine.PlaneMetrics.SW1Floor), as a 1-D
// sweep's gives KS's, so that a row's sw1= can be told at the floor or above
// it; a sweep of the target, whose floor differs from cell to cell, gives its
// range.
func TestSweepSummaryGivesSW1NoiseFloor(t *testing.T) {
	floor := func(target string) string {
		cfg := testdesigns.PerSample(3)
		cfg.Target = target
		return numtext.Measure(runToEnd(t, Options{Config: cfg, Samples: 300, Seed: 1}).Metrics.Plane.SW1Floor)
	}
	ring, grid := floor("ring(8,2,0.02)"), floor("grid(5,2,0.05)")
	if ring == grid {
		t.Fatalf("ring's and grid's floors alike, %s: the range case tests nothing", ring)
	}
	for _, c := range []struct {
		sweep []string
		want  string
	}{
		{[]string{"d_lr=1e-3,2e-3"}, " sw1_floor=" + ring + " "},
		{[]string{"target=ring(8,2,0.02),grid(5,2,0.05)"}, " sw1_floor_min=" + min(ring, grid) + " sw1_floor_max=" + max(ring, grid) + " "},
	} {
		cfg := testdesigns.PerSample(3)
		cfg.Target = "ring(8,2,0.02)"
		opts := Options{Config: cfg, Samples: 300}
		sw, err := ParseSweep(c.sweep, opts.Config, 1)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		_, err = RunSweep(context.Background(), opts, sw, []uint64{1}, 1, &b, nil)
		lines := strings.Split(strings.TrimSpace(b.String()), "\n")
		if summary := lines[len(lines)-1]; err != nil || !strings.Contains(summary, " diverged=0"+c.want+"jobs=1 ") {
			t.Errorf("--sweep %s: %v, summary %q, want it to give%q before jobs=", c.sweep, err, summary, c.want)
		}
	}
}

// TestSweepCountsModes: on a target with modes each row reports the
// median and range of the modes the runs cover, agreeing with the runs'
// own results, on a plane before the high-quality share as a run's
// final line has them; on a target without modes it says nothing of modes, nor,
// in two dimensions, of the high-quality share (which would read 0).
func TestSweepCountsModes(t *testing.T) {
	for target, of := range map[string]int{"mixture(-2,0.5;2,0.5)": 2, "ring(8,2,0.02)": 8, "normal(4,1.25)": 0, "moons(0.05)": 0} {
		cfg := testdesigns.PerSample(20)
		cfg.Target = target
		opts := Options{Config: cfg, Samples: 500}
		sw, err := ParseSweep([]string{"d_lr=1e-3"}, opts.Config, 1)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		res, err := RunSweep(context.Background(), opts, sw, []uint64{1, 2, 3}, 2, &b, nil)
		if err != nil {
			t.Fatal(err)
		}
		row := res.Rows[0]
		line := strings.SplitN(b.String(), "\n", 2)[0]
		if of == 0 {
			if row.ModesOf != 0 || strings.Contains(line, "modes") || strings.Contains(line, "hq") {
				t.Errorf("%s: a target without modes reports them: %q", target, line)
			}
			continue
		}
		if cfg.Dim() == 2 && !strings.Contains(line, " hq=") {
			t.Errorf("%s: no high-quality share: %q", target, line)
		}
		var covered []float64
		for _, seed := range []uint64{1, 2, 3} {
			o := opts
			o.Seed = seed
			r := runToEnd(t, o)
			covered = append(covered, float64(coveredModes(modeCoverage(r.Metrics))))
		}
		med, lo, hi := medianRange(covered)
		want := fmt.Sprintf(" modes=%g modes_min=%g modes_max=%g of=%d", med, lo, hi, of)
		fields := " " + strings.Join(strings.Fields(line), " ") // the fields padded to stand in columns
		if row.ModesOf != of || row.Modes != [3]float64{med, lo, hi} || !strings.Contains(fields, want) {
			t.Errorf("%s: row %+v, line %q, want modes %v of %d (%q)", target, row, line, covered, of, want)
		}
		// The modes last of the measures, but on a plane before the
		// high-quality share, the share of the modes captured, as a run's
		// final line has them, not hq first; then the timings.
		if cfg.Dim() == 2 && !strings.Contains(fields, want+" hq=") {
			t.Errorf("%s: hq not right after the modes: %q", target, line)
		} else if cfg.Dim() == 1 && !strings.Contains(fields, want+" epochs_per_s=") {
			t.Errorf("%s: modes not last of the measures: %q", target, line)
		}
	}
}

// TestSweepRowsWriteValuesAsTheFinalLine: a sweep's rows write each value
// as the final line of its cell's run writes the setting, --sweep
// eps=0.00001,0.001 "eps=1e-5", g_lr=0.00020 "g_lr=2e-4", where the rows
// read the values as typed beside the final line's eps=1e-5; a list keeps
// its brackets, "[16,16]", which its final-line form 16,16 would lose. The
// columns are of the values as shown.
func TestSweepRowsWriteValuesAsTheFinalLine(t *testing.T) {
	base, err := presets.Get("vanilla")
	if err != nil {
		t.Fatal(err)
	}
	sw, err := ParseSweep([]string{"eps=0.00001,0.001", "g_lr=0.00020,1E-3", "d_hidden=[16,16],[8,8]"}, base, 1)
	if err != nil {
		t.Fatal(err)
	}
	cols := columnsOf(sw, [2]string{"ks", "w1"})
	var lines []string
	for _, c := range sw.Cells {
		run := Result{State: Done, Metrics: engine.Metrics{KS: 0.5, W1: 1}}
		lines = append(lines, sweepRow(c.Values, []Result{run}).line(cols, cols.measures))
	}
	for i, want := range []string{
		"sweep eps=1e-5  g_lr=2e-4 d_hidden=[16,16] runs=1",
		"sweep eps=1e-5  g_lr=2e-4 d_hidden=[8,8]   runs=1",
		"sweep eps=1e-5  g_lr=1e-3 d_hidden=[16,16] runs=1",
	} {
		if !strings.HasPrefix(lines[i], want) {
			t.Errorf("row %d: %q, want it to begin %q", i+1, lines[i], want)
		}
	}
	if !strings.HasPrefix(lines[len(lines)-1], "sweep eps=0.001 g_lr=1e-3 d_hidden=[8,8]   runs=1") {
		t.Errorf("last row: %q", lines[len(lines)-1])
	}
}

// TestSweepValuesReadAsItsRowsEverywhere: a sweep's values read as its rows
// write them wherever its result or its failures name them, --sweep
// d_lr=0.001,0.0020 "1e-3" and "2e-3": the axes the figures label, the
// unfinished cells ganui names and trains again, and a failed cell's line,
// "sweep d_lr=1e-3 seeds=1: …", where these kept the values as typed,
// "d_lr=0.001", beside rows of d_lr=1e-3.
func TestSweepValuesReadAsItsRowsEverywhere(t *testing.T) {
	opts := Options{Config: testdesigns.PerSample(30), Samples: 300}
	sw, err := ParseSweep([]string{"d_lr=0.001,0.0020"}, opts.Config, 1)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, _ := RunSweep(ctx, opts, sw, []uint64{1}, 1, io.Discard, nil)
	shown := []string{"1e-3", "2e-3"}
	if !reflect.DeepEqual(res.Axes, []SweepAxis{{Key: "d_lr", Values: shown}}) {
		t.Errorf("the result's axes %+v, want d_lr's values %q", res.Axes, shown)
	}
	if want := []UnfinishedCell{{Values: shown[:1]}, {Values: shown[1:]}}; !reflect.DeepEqual(res.Unfinished, want) {
		t.Errorf("unfinished cells %+v, want %+v", res.Unfinished, want)
	}
	if !reflect.DeepEqual(sw.Axes[0].Values, []string{"0.001", "0.0020"}) {
		t.Errorf("the sweep's own values moved: %q", sw.Axes[0].Values)
	}
	cols := columnsOf(sw, [2]string{"ks", "w1"})
	err = cellFailures(cols, sw.Cells, []uint64{1}, []error{errors.New("no room"), nil})
	if err == nil || err.Error() != "sweep d_lr=1e-3 seeds=1: no room" {
		t.Errorf("a failed cell: %v", err)
	}
}

// TestSweepRowSaysItIsShort: a cell cut short by a stop says how many of its
// seeds did not finish, after its measures (and before the count of a measure's
// values not finite, the W1 of +Inf's), its other fields in the columns of a
// whole cell's row (unfinished=1, after diverged=, does not push that row's
// measures right of the others'), the field itself in one column down the short
// rows, whatever their figures; a whole one says nothing of it.
func TestSweepRowSaysItIsShort(t *testing.T) {
	axes := []SweepAxis{{Key: "g_lr", Values: []string{"1e-4", "1e-3"}}}
	names := [2]string{"ks", "w1"}
	row := func(v string, w1 float64) SweepRow {
		return sweepRow([]string{v}, []Result{{State: Done, Metrics: engine.Metrics{KS: 0.5, W1: w1}}, {State: Done, Metrics: engine.Metrics{KS: 0.25, W1: 1}}})
	}
	whole := row("1e-4", 1).line(sweepColumns{axes: axes, widths: []int{4}}, names)
	if strings.Contains(whole, "unfinished") {
		t.Errorf("whole cell: %q", whole)
	}
	var short []string
	for _, w1 := range []float64{2, 2.5642e31, math.Inf(1)} {
		r := row("1e-3", w1)
		r.Unfinished = 1
		line := r.line(sweepColumns{axes: axes, widths: []int{4}}, names)
		short = append(short, line)
		if !strings.HasPrefix(line, "sweep g_lr=1e-3 runs=2 diverged=0 ks=") || !strings.Contains(line, " unfinished=1") {
			t.Errorf("cell short of a seed: %q", line)
		}
		for _, key := range []string{" ks=", " ks_min=", " w1=", " w1_max="} {
			if i, j := strings.Index(whole, key), strings.Index(line, key); i != j {
				t.Errorf("%s in column %d of a whole cell's row, %d of a short one's:\n%s\n%s", key, i, j, whole, line)
			}
		}
	}
	for _, line := range short[1:] {
		if i, j := strings.Index(short[0], " unfinished="), strings.Index(line, " unfinished="); i != j {
			t.Errorf("unfinished= in columns %d and %d:\n%s\n%s", i, j, short[0], line)
		}
	}
}

// TestSweepRowsAlign: the measures of every row start in one column,
// whatever a cell's counts (diverged=3 over diverged=10), and a
// cell whose every run diverged gives no measures (it printed ks=NaN,
// ks_min=NaN, … where every other row has numbers).
func TestSweepRowsAlign(t *testing.T) {
	axes := []SweepAxis{{Key: "g_lr", Values: []string{"1e-4", "1e-3", "1e-2"}}}
	names := [2]string{"ks", "w1"}
	runs := func(diverged, done int) []Result {
		var rs []Result
		for range diverged {
			rs = append(rs, Result{State: Diverged})
		}
		for range done {
			rs = append(rs, Result{State: Done, Metrics: engine.Metrics{KS: 0.5, W1: 1}})
		}
		return rs
	}
	a := sweepRow([]string{"1e-4"}, runs(3, 9)).line(sweepColumns{axes: axes, widths: []int{4}}, names)
	b := sweepRow([]string{"1e-3"}, runs(10, 2)).line(sweepColumns{axes: axes, widths: []int{4}}, names)
	c := sweepRow([]string{"1e-2"}, runs(12, 0)).line(sweepColumns{axes: axes, widths: []int{4}}, names)
	if i, j := strings.Index(a, " ks="), strings.Index(b, " ks="); i != j || i < 0 {
		t.Errorf("measures in columns %d and %d:\n%s\n%s", i, j, a, b)
	}
	if c != "sweep g_lr=1e-2 runs=12 diverged=12" {
		t.Errorf("every run diverged: %q", c)
	}
}

// TestSweepRowsAlignOverTargets: a sweep over targets of different counts of
// modes writes every cell's modes as wide as the most a target has, so that the
// high-quality share after them stands in one column down the rows: a ring's 8
// modes are not written to one digit, which would put its hq= three columns
// left of a grid's 25's.
func TestSweepRowsAlignOverTargets(t *testing.T) {
	cfg := testdesigns.PerSample(2)
	opts := Options{Config: cfg, Samples: 500}
	sw, err := ParseSweep([]string{"target=ring(8,2,0.02),grid(5,2,0.05),ring(12,2,0.02)"}, opts.Config, 1)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if _, err := RunSweep(context.Background(), opts, sw, []uint64{1}, 1, &b, nil); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(b.String(), "\n")[:3]
	for _, key := range []string{" modes_min=", " modes_max=", " of=", " hq=", " hq_max="} {
		for _, row := range rows[1:] {
			if i, j := strings.Index(rows[0], key), strings.Index(row, key); i != j || i < 0 {
				t.Errorf("%s in columns %d and %d:\n%s\n%s", key, i, j, rows[0], row)
			}
		}
	}
}

// TestSweepRowsLeaveMissingFieldsBlank: over cells that differ in the fields
// they have (a moons cell has no modes or high-quality share beside a ring's, a
// normal target no modes beside a mixture's, a cell whose every run diverged no
// measures), a row leaves a field it has not blank, so that every field after
// it stands in one column down the rows: the moons cell's unfinished=1 does not
// stand where the ring's modes= does, nor the normal's w1_nan= where the
// mixture's modes= does.
func TestSweepRowsLeaveMissingFieldsBlank(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		targets string
		rows    []SweepRow // one per cell, in order, then more of the first cell
	}{
		{"target=ring(8,2,0.02),moons(0.05)", []SweepRow{
			{Runs: 2, Unfinished: 1, First: [3]float64{1, 1, 1}, Second: [3]float64{0.5, 0.5, 0.5}, NotFinite: [2]int{1, 1}, Modes: [3]float64{4, 4, 4}, ModesOf: 8},
			{Runs: 2, Unfinished: 1, First: [3]float64{1, 1, 1}, Second: [3]float64{nan, nan, nan}, NotFinite: [2]int{1, 0}},
			{Runs: 2, Diverged: 2, Unfinished: 1, First: [3]float64{nan, nan, nan}, Second: [3]float64{nan, nan, nan}, Modes: [3]float64{nan, nan, nan}},
			{Runs: 3, First: [3]float64{1, 1, 1}, Second: [3]float64{0.5, 0.5, 0.5}, NotFinite: [2]int{0, 1}, Modes: [3]float64{4, 4, 4}, ModesOf: 8},
		}},
		{"target=normal(4,1.25),mixture(-2,0.5;2,0.5)", []SweepRow{
			{Runs: 3, First: [3]float64{1, 1, 1}, Second: [3]float64{2, 2, 2}, NotFinite: [2]int{0, 1}, Modes: [3]float64{nan, nan, nan}},
			{Runs: 2, Unfinished: 1, First: [3]float64{1, 1, 1}, Second: [3]float64{2, 2, 2}, NotFinite: [2]int{1, 1}, Modes: [3]float64{1, 1, 1}, ModesOf: 2},
			{Runs: 2, Diverged: 2, Unfinished: 1, First: [3]float64{nan, nan, nan}, Second: [3]float64{nan, nan, nan}, Modes: [3]float64{nan, nan, nan}},
		}},
	} {
		sw, err := ParseSweep([]string{c.targets}, testdesigns.PerSample(2), 3)
		if err != nil {
			t.Fatal(err)
		}
		measures := sweepMeasures(sw.Cells[0].Config)
		cols := columnsOf(sw, measures)
		lines := make([]string, len(c.rows))
		for i, r := range c.rows {
			cell := sw.Cells[0]
			if i < len(sw.Cells) {
				cell = sw.Cells[i]
			}
			r.Values = cell.Values
			lines[i] = r.line(cols, cellMeasures(measures, cell.Config))
		}
		all := strings.Join(lines, "\n")
		for _, key := range []string{" unfinished=", " " + measures[0] + "_nan=", " " + measures[1] + "_nan=", " modes=", " of="} {
			at := -1
			for _, line := range lines {
				if i := strings.Index(line, key); i >= 0 && at < 0 {
					at = i
				} else if i >= 0 && i != at {
					t.Errorf("%s: %s in columns %d and %d:\n%s", c.targets, key, at, i, all)
				}
			}
			if at < 0 {
				t.Errorf("%s: no row has %s:\n%s", c.targets, key, all)
			}
		}
		for _, line := range lines {
			if strings.HasSuffix(line, " ") || strings.Contains(line, "NaN") {
				t.Errorf("%s: a row ends in a blank or has a measure it has not: %q", c.targets, line)
			}
		}
	}
}

// TestSummariesNameTheTarget: a sweep's and a batch's summary line name
// the target their runs trained on, as a run's figure does, which --set
// may have made another than the preset's (a sweep of ring with its
// target set to a points file said only preset=ring); a sweep that
// varies the target names none.
func TestSummariesNameTheTarget(t *testing.T) {
	cfg := testdesigns.PerSample(30)
	cfg.Target = "normal(1, 2)" // as --set gives it
	opts := Options{Config: cfg, Samples: 300}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the summary line alone: nothing trains
	for _, c := range []struct{ sweep, want string }{
		{"d_lr=1e-3,2e-3", "summary preset=per-sample target=normal(1,2) sweep=d_lr "},
		{"target=normal(1,2),normal(3,2)", "summary preset=per-sample sweep=target "},
	} {
		sw, err := ParseSweep([]string{c.sweep}, opts.Config, 1)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		res, _ := RunSweep(ctx, opts, sw, []uint64{1}, 1, &b, nil)
		if !strings.HasPrefix(b.String(), c.want) {
			t.Errorf("--sweep %s: %q, want it to start %q", c.sweep, b.String(), c.want)
		}
		if want := strings.Contains(c.want, "target="); want != (res.Target == "normal(1,2)") {
			t.Errorf("--sweep %s: result's target %q", c.sweep, res.Target)
		}
	}
	var b strings.Builder
	writeSummary(&b, Options{Config: cfg}, []uint64{1}, 1, nil, time.Second)
	if want := "summary preset=per-sample target=normal(1,2) seeds=1 "; !strings.HasPrefix(b.String(), want) {
		t.Errorf("seeds summary %q, want it to start %q", b.String(), want)
	}
}

// TestSweepMeasuresItsCellsAlike: a sweep whose targets are of two dimensions
// is refused before anything trains, so that no row names a 1-D cell's KS sw1
// and leaves out its W1, and a sweep of 1-D targets over a 2-D base measures KS
// and W1, as its cells are.
func TestSweepMeasuresItsCellsAlike(t *testing.T) {
	base := testdesigns.PerSample(30)
	if _, err := ParseSweep([]string{"target=normal(0,1),ring(8,2,0.02)"}, base, 1); err == nil || !strings.Contains(err.Error(), "target=ring(8,2,0.02) is a 2-D target and target=normal(0,1) a 1-D one") {
		t.Errorf("a sweep of a 1-D and a 2-D target: %v", err)
	}
	opts := Options{Config: base, Samples: 300}
	opts.Config.Target = "ring(8,2,0.02)" // as --set target= gives it, then swept back to 1-D
	sw, err := ParseSweep([]string{"target=normal(0,1),normal(1,1)"}, opts.Config, 1)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res, _ := RunSweep(ctx, opts, sw, []uint64{1}, 1, io.Discard, nil); res.Measures != [2]string{"ks", "w1"} {
		t.Errorf("a sweep of 1-D targets measures %q", res.Measures)
	}
}

// TestSweepRowLeavesOutNotFinite: a measure that some of a cell's runs left NaN
// or infinite has its median and range of the finite values, and the row says
// last how many runs were not, of those that did not diverge, so that one NaN
// W1 neither makes the median NaN, dropping W1 from the row, nor sorts first as
// its minimum; a measure no run has finite is written NaN in its columns, as a
// final line writes it.
func TestSweepRowLeavesOutNotFinite(t *testing.T) {
	axes := []SweepAxis{{Key: "g_lr", Values: []string{"1e-4", "1e-3", "1e-2"}}}
	names := [2]string{"ks", "w1"}
	runs := func(w1s ...float64) []Result {
		rs := []Result{{State: Diverged, Metrics: engine.Metrics{KS: math.NaN(), W1: math.NaN()}}}
		for i, w1 := range w1s {
			rs = append(rs, Result{State: Done, Metrics: engine.Metrics{KS: 0.1 * float64(i+1), W1: w1}})
		}
		return rs
	}
	whole := sweepRow([]string{"1e-4"}, runs(0.5, 0.3, 0.7, 0.4))
	some := sweepRow([]string{"1e-3"}, runs(0.5, math.NaN(), 0.3, math.Inf(1), 0.7))
	none := sweepRow([]string{"1e-2"}, runs(math.NaN(), math.NaN()))
	if some.Second != [3]float64{0.5, 0.3, 0.7} || some.NotFinite != [2]int{0, 2} {
		t.Errorf("W1 of 0.5, NaN, 0.3, +Inf and 0.7: %v, %v not finite; want the median and range of 0.5, 0.3 and 0.7, 2 not finite", some.Second, some.NotFinite)
	}
	lines := make([]string, 3)
	for i, r := range []SweepRow{whole, some, none} {
		lines[i] = r.line(sweepColumns{axes: axes, widths: []int{4}}, names)
	}
	fields := func(line string) string { return strings.Join(strings.Fields(line), " ") }
	for i, want := range []string{
		"sweep g_lr=1e-4 runs=5 diverged=1 ks=0.250 ks_min=0.100 ks_max=0.400 w1=0.450 w1_min=0.300 w1_max=0.700 epochs_per_s=0.0 train_s=0.000",
		"sweep g_lr=1e-3 runs=6 diverged=1 ks=0.300 ks_min=0.100 ks_max=0.500 w1=0.500 w1_min=0.300 w1_max=0.700 epochs_per_s=0.0 train_s=0.000 w1_nan=2/5",
		"sweep g_lr=1e-2 runs=3 diverged=1 ks=0.150 ks_min=0.100 ks_max=0.200 w1=NaN w1_min=NaN w1_max=NaN epochs_per_s=0.0 train_s=0.000 w1_nan=2/2",
	} {
		if got := fields(lines[i]); got != want {
			t.Errorf("row\n%s\nwant\n%s", got, want)
		}
	}
	for _, key := range []string{" ks=", " w1=", " w1_max="} {
		for _, line := range lines[1:] {
			if i, j := strings.Index(lines[0], key), strings.Index(line, key); i != j {
				t.Errorf("%s in columns %d and %d:\n%s\n%s", key, i, j, lines[0], line)
			}
		}
	}
}

// TestSweepRowKeepsEachSeed: a row keeps each finished run's seed and first
// measure, in the order they came, a diverged one marked and valueless, and
// the median of the measure's noise floor at the runs' sample size (KS's
// 1.358/√n; a plane's sliced W1 floor), for a one-key sweep's figure to
// draw each seed beside the median and the floor.
func TestSweepRowKeepsEachSeed(t *testing.T) {
	r := sweepRow([]string{"1e-3"}, []Result{
		{Seed: 4, State: Done, Metrics: engine.Metrics{KS: 0.5, N: 2500}},
		{Seed: 5, State: Diverged, Metrics: engine.Metrics{KS: 0.9, N: 2500}},
		{Seed: 6, State: Done, Metrics: engine.Metrics{KS: 0.25, N: 2500}},
	})
	if len(r.Each) != 3 || r.Each[0] != (SeedMeasure{Seed: 4, Value: 0.5}) || r.Each[2] != (SeedMeasure{Seed: 6, Value: 0.25}) ||
		r.Each[1].Seed != 5 || !r.Each[1].Diverged || !math.IsNaN(r.Each[1].Value) {
		t.Errorf("each seed: %+v", r.Each)
	}
	if want := engine.KSNoiseFloor(2500); r.Floor != want {
		t.Errorf("floor %v, want KS's at 2,500 samples, %v", r.Floor, want)
	}
	plane := sweepRow([]string{"64"}, []Result{
		{Seed: 1, State: Done, Metrics: engine.Metrics{Plane: &engine.PlaneMetrics{SW1: 1.5, SW1Floor: 0.03}}},
		{Seed: 2, State: Done, Metrics: engine.Metrics{Plane: &engine.PlaneMetrics{SW1: 0.5, SW1Floor: 0.01}}},
	})
	if plane.Floor != 0.02 || len(plane.Each) != 2 || plane.Each[1] != (SeedMeasure{Seed: 2, Value: 0.5}) {
		t.Errorf("plane: floor %v, each %+v", plane.Floor, plane.Each)
	}
	if all := sweepRow([]string{"1"}, []Result{{Seed: 1, State: Diverged}}); !math.IsNaN(all.Floor) {
		t.Errorf("every run diverged: floor %v, want NaN", all.Floor)
	}
}

// TestSweepRowGivesItsTimings: a row gives its cell's speed, under the
// final line's keys and after the measures, as a final line has its
// timings: the median epochs_per_s of the runs that did not diverge and
// were timed, and their median train_s, so that a sweep of a setting that
// changes the speed (g_hidden=16,64,256) says what each cell costs. A
// cell whose every run diverged gives none, as it gives no measures; one
// whose runs the clock timed none of reads epochs_per_s=0.0, as their
// lines do. The timings stand in one column whatever their digits, and
// unfinished= after them in its own.
func TestSweepRowGivesItsTimings(t *testing.T) {
	axes := []SweepAxis{{Key: "g_hidden", Values: []string{"16", "256"}}}
	cols := sweepColumns{axes: axes, widths: []int{3}, measures: [2]string{"ks", "w1"}}
	names := [2]string{"ks", "w1"}
	done := func(rate, train float64) Result {
		return Result{State: Done, EpochsPerS: rate, TrainS: train, Metrics: engine.Metrics{KS: 0.5, W1: 1}}
	}
	r := sweepRow([]string{"16"}, []Result{
		done(1000, 2), done(3000, 0.5), done(2000, 1),
		{State: Diverged, EpochsPerS: 9999, TrainS: 0.01},
		{State: Done, Untimed: true, Metrics: engine.Metrics{KS: 0.5, W1: 1}},
	})
	if r.EpochsPerS != 2000 || r.TrainS != 0.75 {
		t.Errorf("timings %v ep/s, %v s; want 2000, the median of the timed runs that did not diverge, and 0.75, of those that did not diverge", r.EpochsPerS, r.TrainS)
	}
	whole := r.line(cols, names)
	fields := strings.Join(strings.Fields(whole), " ")
	if want := " w1_max=1.000 epochs_per_s=2000.0 train_s=0.750"; !strings.HasSuffix(fields, want) {
		t.Errorf("row %q, want it to end %q", fields, want)
	}
	slow := sweepRow([]string{"256"}, []Result{done(12.5, 840.25)})
	slow.Unfinished = 4
	short := slow.line(cols, names)
	if want := " w1_max=1.000 epochs_per_s=12.5 train_s=840.250 unfinished=4"; !strings.HasSuffix(strings.Join(strings.Fields(short), " "), want) {
		t.Errorf("row %q, want it to end %q", short, want)
	}
	for _, key := range []string{" epochs_per_s=", " train_s="} {
		if i, j := strings.Index(whole, key), strings.Index(short, key); i != j || i < 0 {
			t.Errorf("%s in columns %d and %d:\n%s\n%s", key, i, j, whole, short)
		}
	}
	untimed := sweepRow([]string{"16"}, []Result{{State: Done, Untimed: true, Metrics: engine.Metrics{KS: 0.5, W1: 1}}})
	if line := untimed.line(cols, names); !strings.HasSuffix(strings.Join(strings.Fields(line), " "), " epochs_per_s=0.0 train_s=0.000") {
		t.Errorf("no run timed: %q", line)
	}
	diverged := sweepRow([]string{"256"}, []Result{{State: Diverged, EpochsPerS: 50, TrainS: 0.1}})
	if line := diverged.line(cols, names); line != "sweep g_hidden=256 runs=1 diverged=1" {
		t.Errorf("every run diverged: %q", line)
	}

	// A sweep's printed rows give them, as the rows it returns have them.
	opts := Options{Config: testdesigns.PerSample(20), Samples: 300}
	sw, err := ParseSweep([]string{"g_hidden=4,8"}, opts.Config, 1)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	res, err := RunSweep(context.Background(), opts, sw, []uint64{1, 2, 3}, 1, &b, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(b.String(), "\n")[:2] {
		row := res.Rows[i]
		want := fmt.Sprintf(" epochs_per_s=%s train_s=%s", numtext.Rate(row.EpochsPerS), numtext.Seconds(row.TrainS))
		if fields := " " + strings.Join(strings.Fields(line), " "); !strings.HasSuffix(fields, want) || !(row.EpochsPerS > 0) || !(row.TrainS > 0) {
			t.Errorf("row %q, want it to end %q, a rate and a time above 0", line, want)
		}
	}
}

// TestSweepOfOneListWrittenBareSaysTheBrackets: a list written as --set
// writes one, d_hidden=32,32, is a sweep of its items, and where that is
// refused (an item twice) while the items as one list are a valid value,
// the refusal names the brackets that sweep the one list, for its own way
// on, to give 32 once, would not lead there. A sweep of numbers, or of
// lists already in brackets, is refused as before.
func TestSweepOfOneListWrittenBareSaysTheBrackets(t *testing.T) {
	base := testdesigns.PerSample(10)
	for spec, want := range map[string]string{
		"g_hidden=16,16":     `g_hidden, values 1 and 2 of 2: "16" appears twice; give it once, or for the one list 16,16 write 'g_hidden=[16,16]'`,
		"g_hidden=8,08":      `g_hidden, values 1 and 2 of 2: 8 and 08 are the same value; give one of them`, // [8,08] not offered: its 08 is refused (engine.LeadingZeros)
		"d_lr=1e-3,1e-3":     `d_lr, values 1 and 2 of 2: "1e-3" appears twice; give it once`,
		"g_hidden=[16],16":   `g_hidden, values 1 and 2 of 2: '[16]' and 16 are the same value; give one of them`,
		"g_hidden=4097,4097": `g_hidden, values 1 and 2 of 2: "4097" appears twice; give it once`, // [4097,4097] is no design either
	} {
		if _, err := ParseSweep([]string{spec}, base, 1); err == nil || err.Error() != want {
			t.Errorf("--sweep %s: %v, want %q", spec, err, want)
		}
	}
}

// TestSweepOverPresets: --sweep preset=A,B trains each preset as it reads,
// the other keys' values on it, names each row by its preset as by any
// swept key, and a summary that names no one preset, the target they
// share kept; a cell's runs are those of the preset trained alone, on
// the same seed and settings, bit for bit.
func TestSweepOverPresets(t *testing.T) {
	opts := Options{Epochs: 20, Samples: 300}
	sw, err := ParseSweep([]string{"preset=bimodal,bimodal-mbd", "d_lr=1e-3,2e-4"}, engine.Config{}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(sw.Cells) != 4 || sw.Cells[1].Config.Name != "bimodal" || sw.Cells[2].Config.Name != "bimodal-mbd" || sw.Cells[1].Config.DLR != 2e-4 {
		t.Fatalf("cells %+v", sw.Cells)
	}
	var b strings.Builder
	res, err := RunSweep(context.Background(), opts, sw, []uint64{1, 2}, 2, &b, nil)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "sweep preset=bimodal     d_lr=1e-3 runs=2 ") ||
		!strings.HasPrefix(lines[3], "sweep preset=bimodal-mbd d_lr=2e-4 runs=2 ") ||
		!strings.HasPrefix(lines[4], "summary target=mixture(-2,0.5;2,0.5) sweep=preset×d_lr cells=4 samples=300 seeds=1-2 runs=8 ") {
		t.Fatalf("output:\n%s", b.String())
	}
	if res.Preset != "" || res.Epochs != 20 || res.Target != "mixture(-2,0.5;2,0.5)" {
		t.Errorf("result names preset %q, epochs %d, target %q", res.Preset, res.Epochs, res.Target)
	}
	// The cell preset=bimodal-mbd d_lr=2e-4 against --preset bimodal-mbd
	// --set d_lr=2e-4 on seeds 1-2.
	alone, err := presets.Resolve("bimodal-mbd")
	if err != nil {
		t.Fatal(err)
	}
	if err := alone.Set("d_lr", "2e-4"); err != nil {
		t.Fatal(err)
	}
	batch, err := RunSeeds(context.Background(), Options{Config: alone, Preset: "bimodal-mbd", Epochs: 20, Samples: 300}, []uint64{1, 2}, 1, io.Discard, nil)
	if err != nil {
		t.Fatal(err)
	}
	row := res.Rows[3]
	for i, r := range batch.Runs {
		if got := row.Each[i]; got.Seed != r.Seed || got.Value != r.Metrics.KS {
			t.Errorf("seed %d: the sweep's cell has KS %v, the preset alone %v", r.Seed, got.Value, r.Metrics.KS)
		}
	}
	if lo, hi := min(batch.Runs[0].Metrics.W1, batch.Runs[1].Metrics.W1), max(batch.Runs[0].Metrics.W1, batch.Runs[1].Metrics.W1); row.Second[1] != lo || row.Second[2] != hi {
		t.Errorf("W1 range %v, the preset alone's %v to %v", row.Second, lo, hi)
	}
}

// TestSweepOverPresetsOfTwoDimensions: presets whose targets differ in
// dimension are refused, with the sweeps of each to type.
func TestSweepOverPresetsOfTwoDimensions(t *testing.T) {
	_, err := ParseSweep([]string{"preset=bimodal,ring,vanilla"}, engine.Config{}, 1)
	want := "preset=ring is a 2-D target and preset=bimodal a 1-D one: a sweep measures its cells alike (KS and W1, or sliced W1), on targets of one dimension; sweep them apart: --sweep preset=bimodal,vanilla and --sweep preset=ring"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if _, err := ParseSweep([]string{"preset=bimodal,nope"}, engine.Config{}, 1); err == nil || !strings.HasPrefix(err.Error(), `preset, value 2 of 2: unknown preset nope:`) {
		t.Errorf("an unknown preset: %v", err)
	}
	if _, err := ParseSweep([]string{"preset=bimodal,vanilla,bimodal"}, engine.Config{}, 1); err == nil || err.Error() != `preset, values 1 and 3 of 3: bimodal appears twice; give it once` {
		t.Errorf("a preset twice: %v", err)
	}
}

// TestSweepOfOneDesignTwiceNamesItsFiles: presets of one design are named
// as --preset takes them (shellword.Quote), so that the one to drop can be
// pasted: a file's name with a space quoted, where it was bare and read
// as two words, and one with a line break $'…', where visible.String's
// \n read as a name of a backslash and an n.
func TestSweepOfOneDesignTwiceNamesItsFiles(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, name := range []string{"my ring.json", "a\nb.json"} {
		if err := os.WriteFile(name, []byte(`{"base": "ring"}`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		list, want string
	}{
		{"preset=ring,my ring.json", `preset, values 1 and 2 of 2: ring and 'my ring.json' are the same design; give one of them`},
		{"preset=ring,a\nb.json", `preset, values 1 and 2 of 2: ring and $'a\nb.json' are the same design; give one of them`},
	} {
		if _, err := ParseSweep([]string{c.list}, engine.Config{}, 1); err == nil || err.Error() != c.want {
			t.Errorf("%q: %v, want %s", c.list, err, c.want)
		}
	}
}

// TestSweepOfAKeyNoCellReads: a sweep of a key that no cell's design
// reads (an optimizer's field beside another optimizer, mbd_dim without
// kernels, eps where both players train with SGD, leaky_slope without a
// leaky_relu) is refused, saying
// what reads it and how to have that, where it trained one run in every
// cell, its identical rows read as the key having no effect: --sweep
// d_momentum=0.5,0.9 on vanilla, whose players train with Adam. A key
// some cell reads, its optimizer swept beside it, is swept.
func TestSweepOfAKeyNoCellReads(t *testing.T) {
	design := func(name string) engine.Config {
		cfg, err := presets.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		return cfg
	}
	vanilla := design("vanilla")
	for _, c := range []struct {
		base  engine.Config
		specs []string
		want  string
	}{
		{vanilla, []string{"d_momentum=0.5,0.9"}, "d_momentum trains nothing here: it is read with d_opt sgd alone, which no cell has, so every cell would train the same run; give --set d_opt=sgd, or sweep another key"},
		{vanilla, []string{"d_lr=1e-3,1e-2", "g_alpha=0.9,0.99"}, "g_alpha trains nothing here: it is read with g_opt rmsprop alone, which no cell has, so every cell would train the same run; give --set g_opt=rmsprop, or sweep another key"},
		{design("wgan"), []string{"d_beta1=0.5,0.9"}, "d_beta1 trains nothing here: it is read with d_opt adam alone, which no cell has, so every cell would train the same run; give --set d_opt=adam, or sweep another key"},
		{design("devnag-moments"), []string{"eps=1e-8,1e-6"}, "eps trains nothing here: it is read with d_opt or g_opt adam or rmsprop alone, which no cell has, so every cell would train the same run; give --set d_opt=adam, or sweep another key"},
		{vanilla, []string{"mbd_dim=2,4"}, "mbd_dim trains nothing here: it is read with mbd_kernels above 0 alone, which no cell has, so every cell would train the same run; give --set mbd_kernels=8, or sweep another key"},
		{design("ring"), []string{"leaky_slope=0.1,0.3"}, "leaky_slope trains nothing here: it is read with a leaky_relu in g_acts or d_acts alone, which no cell has, so every cell would train the same run; give the design a leaky_relu in g_acts or d_acts with --set, or sweep another key"},
		{vanilla, []string{"d_opt=sgd,rmsprop", "d_beta2=0.99,0.999"}, "d_beta2 trains nothing here: it is read with d_opt adam alone, which no cell has, so every cell would train the same run; add adam to --sweep d_opt's values, or sweep another key"},
	} {
		if _, err := ParseSweep(c.specs, c.base, 1); err == nil || err.Error() != c.want {
			t.Errorf("%s %q: %v, want %q", c.base.Name, c.specs, err, c.want)
		}
	}
	for _, specs := range [][]string{
		{"d_momentum=0.5,0.9", "d_opt=adam,sgd"},
		{"g_beta1=0.5,0.9"},
		{"mbd_dim=2,4", "mbd_kernels=0,8"},
		{"leaky_slope=0.1,0.3"},
	} {
		if _, err := ParseSweep(specs, vanilla, 1); err != nil {
			t.Errorf("vanilla %q, a key some cell reads: %v", specs, err)
		}
	}
	if _, err := ParseSweepOver([]string{"preset=vanilla,devnag-moments", "d_momentum=0.5,0.9"}, vanilla, nil, 1); err != nil {
		t.Errorf("d_momentum over vanilla and devnag-moments, whose players train with SGD: %v", err)
	}
}
