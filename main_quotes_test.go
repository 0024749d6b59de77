package main

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
)

// TestGuideQuotesTheRefusalsWhole: each line the guide and its docs/ quote
// of a command ganui refuses before it trains, or of a note it gives as it
// starts (a number with commas, a name with spaces around it, a link that
// leads nowhere, a --set the design leaves unread), is the line ganui
// says, whole: in backquotes in the text, where a quote may wrap, or as a
// line of a block. TestREADMEHeadlessRunsPrintWhatItQuotes holds the
// blocks of runs to what they print; these quotes stand in the text, one
// of a kind, and a message reworded left them saying what ganui no longer
// says (a link leading nowhere told "wide: no such file or directory"
// after ganui named where it leads). Each command runs in a directory of
// its own with the files its quote speaks of; those the guide quotes only
// in part ("…"), that a long run or a second process must make, or that
// name the process's own standard output (--plot /dev/stdout, which run,
// given a buffer, does not write to), are not here.
func TestGuideQuotesTheRefusalsWhole(t *testing.T) {
	guide := guideText(t)
	text := strings.Join(strings.Fields(guide), " ") // a quote may wrap
	blockLines := map[string]bool{}
	for line := range strings.Lines(guide) {
		blockLines[strings.TrimSpace(line)] = true
	}
	history := "epoch,d_real,d_fake,g_loss,mean,std,ks,w1,skew,kurt,zdep,events,event_details\n1,0.7,0.7,0.7,0,1,,,,,,,\n"
	// A preset file that gives every key but d_beta2, and names no base.
	var withoutBeta2 strings.Builder
	_, vanilla, _ := runCLI(t, "--show-preset", "vanilla")
	for line := range strings.Lines(vanilla) {
		if !strings.Contains(line, `"d_beta2"`) {
			withoutBeta2.WriteString(line)
		}
	}
	// Checkpoints of vanilla, seed 1, at the end of plans of 500, 1,000
	// and 2,000 epochs, for the refusals and notes of a run to resume, each
	// trained once when a case first asks for it.
	checkpoints := map[int]string{}
	checkpoint := func(t *testing.T, epochs int) string {
		t.Helper()
		if testing.Short() || raceEnabled {
			t.Skip("trains a checkpoint of", epochs, "epochs")
		}
		if b, ok := checkpoints[epochs]; ok {
			return b
		}
		path := filepath.Join(t.TempDir(), "run.ckpt")
		if code, _, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--epochs", strconv.Itoa(epochs), "--every", "0", "--save", path); code != 0 {
			t.Fatalf("training a checkpoint of %d epochs: exit %d: %s", epochs, code, stderr)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		checkpoints[epochs] = string(b)
		return checkpoints[epochs]
	}
	// A file a case's directory holds: content; or a symbolic link to link;
	// or the checkpoint at the end of a plan of that many epochs.
	type file struct {
		name, content, link string
		checkpoint          int
	}
	cases := []struct {
		args  []string
		files []file
		os    string // the only system it runs on, where the quote is that system's
	}{
		// docs/command-line.md and the README, on the flags.
		{args: []string{"--epochs", "10,000"}},
		{args: []string{"--headless", "--log=~/runs/a.csv"}},
		{args: []string{"--seeds", "1-3"}},
		{args: []string{"--epochs", "+5"}},
		{args: []string{"--epochs", "1\r"}},
		{args: []string{"--seed", "-0"}},
		{args: []string{"--epochs", "1e99"}},
		{args: []string{"—epochs", "5"}},
		{args: []string{"--", "--epochs", "5"}},
		{args: []string{"rign"}},
		{args: []string{"--presets"}},
		{args: []string{"--set", "g_lr=1e-3", "--set", "g_lr=1e-4"}},
		{args: []string{"--set", "epochs=10", "--epochs", "10"}},
		{args: []string{"--headless", "--speed", "5"}},
		{args: []string{"--headless", "--seeds", "1-20000"}},
		{args: []string{"--headless", "--preset", "vanilla", "--sweep", "d_momentum=0.5,0.9"}},
		{args: []string{"--headless", "--preset", "vanilla", "--sweep", "g_lr=0,001"}},
		{args: []string{"--headless", "--preset", "vanilla", "--sweep", "d_hidden=32,32"}},
		{args: []string{"--headless", "--sweep", "preset=a[.json,b.json"}},
		{args: []string{"--headless", "--preset", "vanilla", "--set", "g_lr=1e-3,1e-2"}},
		{args: []string{"--headless", "--preset", "ring", "--sweep", "target=points(p.csv),points(./p.csv)"},
			files: []file{{name: "p.csv", content: "0,0\n1,1\n2,0\n"}}},
		{args: []string{"--headless", "--resume", "run.ckpt", "--set", "g_lr=1e-3"}, files: []file{{name: "run.ckpt", checkpoint: 1000}}},
		{args: []string{"--headless", "--resume", "run.ckpt", "--epochs", "1000"}, files: []file{{name: "run.ckpt", checkpoint: 2000}}},
		{args: []string{"--headless", "--resume", "run.ckpt", "--plot", "run.png"}, files: []file{{name: "run.ckpt", checkpoint: 2000}}},
		{args: []string{"--headless", "--resume", "run.ckpt", "--epochs", "501", "--every", "0", "--log", "run.csv"}, files: []file{{name: "run.ckpt", checkpoint: 500}}},
		{args: []string{"--headless", "--resume", "run.ckpt", "--log", "run.csv"}, files: []file{{name: "run.ckpt", checkpoint: 1000}, {name: "run.csv", content: strings.TrimSuffix(history, "\n")}}},
		{args: []string{"--headless", "--resume", "run.ckpt", "--log", "run.csv"}, files: []file{{name: "run.ckpt", checkpoint: 1000}, {name: "run.csv", content: history + strings.Repeat("2,0.7,0.7,0.7,0,1,,,,,,,", 6000) + "\n"}}},
		{args: []string{"--headless", "--resume", "run.ckpt", "--log", "run.csv"}, files: []file{{name: "run.ckpt", checkpoint: 1000}, {name: "run.csv", content: strings.ReplaceAll(history, "\n", "\r")}}},
		// docs/preset-files.md.
		{args: []string{"--preset", "wide"}, files: []file{{name: "wide", link: "old/wide.json"}}},
		{args: []string{"--preset", "wide"}, files: []file{{name: "wide.json", content: vanilla}}},
		{args: []string{"--preset", "run.ckpt"}},
		{args: []string{"--resume", "run.csv"}, files: []file{{name: "run.csv", content: history}}},
		{args: []string{"--preset", "run.csv"}, files: []file{{name: "run.csv", content: history}}},
		{args: []string{"--resume", "ring"}},
		{args: []string{"--preset", "run.ckpt"}, files: []file{{name: "run.ckpt", checkpoint: 1000}}},
		{args: []string{"--show-preset", "ring"}, files: []file{{name: "ring", content: vanilla}}},
		{args: []string{"--preset", "my.json"}, files: []file{{name: "my.json", content: withoutBeta2.String()}}},
		{args: []string{"--preset", "exp/design.json"},
			files: []file{{name: "exp/design.json", content: "{\n  \"base\": \"ring\",\n  \"target\": \"points(pts.csv)\"\n}\n"}}},
		{args: []string{"--preset", "links/design.json"},
			files: []file{{name: "exp/design.json", content: `{"base": "ring", "target": "points(pts.csv)"}`}, {name: "links/design.json", link: "../exp/design.json"}, {name: "links/pts.csv", content: "0,0\n1,1\n2,0\n"}}},
		{args: []string{"--show-preset", "vanilla", "--set", "g_lr = 1e-3"}},
		{args: []string{"--show-preset", "vanilla", "--set", "gp= -0,5"}},
		{args: []string{"--show-preset", "vanilla", "--set", "batch=0x40"}},
		{args: []string{"--show-preset", "vanilla", "--set", "gp=1e6"}},
		{args: []string{"--show-preset", "vanilla", "--set", "g_hidden=1,000.5"}},
		{args: []string{"--show-preset", "vanilla", "--set", "g_lr=0,001"}},
		{args: []string{"--show-preset", "vanilla", "--set", "loss=bce "}},
		{args: []string{"--show-preset", "vanilla", "--set", "loss=hnige"}},
		{args: []string{"--show-preset", "vanilla", "--set", "loss=wgan"}},
		{args: []string{"--show-preset", "vanilla", "--set", "d_input=fft"}},
		{args: []string{"--show-preset", "vanilla", "--set", "g_hidden=16", "--set", "g_acts=relu,relu,identity"}},
		{args: []string{"--show-preset", "vanilla", "--set", "d_momentum=0.9"}},
		{args: []string{"--show-preset", "vanilla", "--set", "target=normal(0,1e-300)"}},
		{args: []string{"--show-preset", "vanilla", "--set", "target=normal(1e6,0.01)"}},
		// docs/reliability.md.
		{args: []string{"--show-preset", "vanilla", "--set", "g_ema=1e-46"}},
		{args: []string{"--show-preset", "wgan-gp", "--set", "gp=1e-400"}},
		{args: []string{"--resume", "run.ckpt "}},
		{args: []string{"--resume", "dlink"}, files: []file{{name: "d/x", content: "x"}, {name: "dlink", link: "d"}}},
		{args: []string{"--headless", "--log", "dlink"}, files: []file{{name: "d/x", content: "x"}, {name: "dlink", link: "d"}}},
		{args: []string{"--resume", "run.ckpt"}, files: []file{{name: "run.ckpt", link: "old/run.ckpt"}}},
		{args: []string{"--resume", "run.ckpt/x.ckpt"}, files: []file{{name: "run.ckpt", content: "x"}}},
		{args: []string{"--headless", "--plot", ".png"}},
		{args: []string{"--headless", "--save", "run.json"}},
		{args: []string{"--headless", "--log", "run.ckpt"}},
		{args: []string{"--headless", "--log", "-x"}},
		{args: []string{"--headless", "--save", "notes.txt"}, files: []file{{name: "notes.txt", content: "my notes\n"}}},
		{args: []string{"--headless", "--save", "/dev/zero"}, os: "linux"},
		{args: []string{"--headless", "--log", "/proc/x.csv"}, os: "linux"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			if c.os != "" && runtime.GOOS != c.os {
				t.Skipf("the guide quotes %s's words", c.os)
			}
			t.Chdir(t.TempDir())
			for _, f := range c.files {
				if err := os.MkdirAll(filepath.Dir(f.name), 0o755); err != nil {
					t.Fatal(err)
				}
				if f.link != "" {
					if err := os.Symlink(f.link, f.name); err != nil {
						t.Skip("no symbolic links here:", err)
					}
					continue
				}
				if f.checkpoint > 0 {
					f.content = checkpoint(t, f.checkpoint)
				}
				if err := os.WriteFile(f.name, []byte(f.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			code, _, stderr := runCLI(t, c.args...)
			line := strings.TrimSpace(stderr)
			if code != 0 && code != 2 || line == "" || strings.Contains(line, "\n") {
				t.Fatalf("exit %d, %q; want exit 2 (or 0 with a note) and one line", code, stderr)
			}
			if !strings.Contains(text, "`"+line+"`") && !blockLines[line] {
				t.Errorf("the guide does not quote what ganui says, whole:\n%s", line)
			}
		})
	}
}

// TestDiagnosisQuotesVanillasEventsWhole: the Events table of
// docs/diagnosis.md gives its kinds' words in the events of vanilla, seed
// 1, on its plan of 10,000 epochs (D's win at epoch 600 and its end at
// 1,300, the equilibrium at 4,100, the noise floor at 7,400): each event
// that run prints is quoted there whole, its detail as the run gives it,
// so that an event reworded takes the table's quote along (the win's
// "losses D real 0.041" had stayed "D real 0.041" there). The numbers are
// the portable kernels' run, as the README's are.
func TestDiagnosisQuotesVanillasEventsWhole(t *testing.T) {
	if isa := engine.KernelISA(); isa != "go" {
		t.Skipf("docs/diagnosis.md quotes the portable kernels' run, this build trains with %s", isa)
	}
	if testing.Short() || raceEnabled {
		t.Skip("trains vanilla's 10,000 epochs")
	}
	doc, err := os.ReadFile("docs/diagnosis.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(doc)), " ") // a quote may wrap
	code, stdout, stderr := runCLI(t, "--headless", "--preset", "vanilla", "--every", "0")
	if code != 0 {
		t.Fatalf("vanilla, seed 1: exit %d: %s", code, stderr)
	}
	events := regexp.MustCompile(`(?m)^event epoch=(\d+) kind=(\S+) detail="(.*)"$`).FindAllStringSubmatch(stdout, -1)
	if len(events) < 4 {
		t.Fatalf("vanilla, seed 1, printed %d events, want the 4 docs/diagnosis.md quotes:\n%s", len(events), stdout)
	}
	for _, e := range events {
		if !strings.Contains(text, "`"+e[3]+"`") {
			t.Errorf("docs/diagnosis.md does not quote vanilla's %s event at epoch %s, seed 1, whole:\n%s", e[2], e[1], e[3])
		}
	}
}

// TestDiagnosisQuotesMoonsStallWhole: the Events table's d-stalled row
// quotes the detail moons, seed 1, gives at its stall's start, epoch 260,
// after "D is stuck at its equilibrium: ", whole: its SW1 line is 7× the
// floor the run measured, printed to three decimals as the run prints it.
// The row had "SW1 0.300, over 0.101 (7× the 0.015 of a sample of the
// target itself)", a floor the default build's run does not print (it
// prints 0.014) and an SW1 it does not read at a stall.
func TestDiagnosisQuotesMoonsStallWhole(t *testing.T) {
	if isa := engine.KernelISA(); isa != "go" {
		t.Skipf("docs/diagnosis.md quotes the portable kernels' run, this build trains with %s", isa)
	}
	if testing.Short() || raceEnabled {
		t.Skip("trains moons's 300 epochs")
	}
	doc, err := os.ReadFile("docs/diagnosis.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(doc)), " ") // a quote may wrap
	code, stdout, stderr := runCLI(t, "--headless", "--preset", "moons", "--epochs", "300", "--every", "0")
	if code != 0 {
		t.Fatalf("moons, seed 1: exit %d: %s", code, stderr)
	}
	stall := regexp.MustCompile(`(?m)^event epoch=260 kind=d-stalled detail="D is stuck at its equilibrium: (.*)"$`).FindStringSubmatch(stdout)
	if stall == nil {
		t.Fatalf("moons, seed 1, printed no d-stalled event at epoch 260, which docs/diagnosis.md quotes:\n%s", stdout)
	}
	if !strings.Contains(text, "`"+stall[1]+"`") {
		t.Errorf("docs/diagnosis.md does not quote moons's d-stalled detail at epoch 260, seed 1, whole:\n%s", stall[1])
	}
}
