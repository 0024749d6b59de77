package engine

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/ganui/ganui/internal/numtext"
	"github.com/ganui/ganui/internal/release"
)

// TestResumeIsBitIdentical: training 2n epochs straight equals training n,
// saving, restoring and training n more, in weights, optimizer state and
// loss history, including settings retuned before the save.
func TestResumeIsBitIdentical(t *testing.T) {
	configs := map[string]Config{"blog": blogConfig()}
	sgd := blogConfig()
	sgd.DOpt, sgd.DMomentum, sgd.DLR = OptimizerSGD, 0.9, 1e-3
	configs["sgd"] = sgd
	for name, cfg := range newDesigns() { // RMSprop, clipping, historical averaging, unrolling, the new losses
		configs[name] = cfg
	}
	for name, cfg := range configs {
		t.Run(name, func(t *testing.T) {
			t.Parallel() // each design's runs are its own; under -race this halves the wall time on two cores
			const n = 60 // enough epochs for every optimizer state to matter; more only slows -race
			checkResume(t, resumeCase{
				start: func() *GAN {
					g := mustNew(t, cfg, 11)
					g.SetLR(G, 5e-4)
					return g
				},
				at: n, total: 2 * n,
				restored: func(r *GAN) {
					if r.Config().GLR != 5e-4 {
						t.Fatalf("resumed with g_lr %g, want the 5e-4 retuned before the save", r.Config().GLR)
					}
				},
			})
		})
	}
}

func validCheckpoint(t testing.TB) []byte {
	g := mustNew(t, blogConfig(), 2)
	train(t, g, 3)
	data, err := g.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDamagedCheckpointsAreErrors(t *testing.T) {
	good := validCheckpoint(t)
	if _, err := Restore(good); err != nil {
		t.Fatalf("a fresh checkpoint does not load: %v", err)
	}
	bad := map[string][]byte{
		"empty":     nil,
		"text":      []byte("epoch,d_real,d_fake\n1,2,3\n"),
		"truncated": good[:len(good)/2],
		"no sum":    good[:len(good)-sha256.Size],
		"padded":    append(slices.Clone(good), 0),
	}
	flipped := slices.Clone(good)
	flipped[len(flipped)/3] ^= 0x10
	bad["flipped bit"] = flipped
	newer := slices.Clone(good)
	binary.LittleEndian.PutUint32(newer[8:], checkpointVersion+1)
	bad["newer version"] = newer
	for name, data := range bad {
		_, err := Restore(data)
		var ce *CheckpointError
		if !errors.As(err, &ce) {
			t.Errorf("%s: got %v, want a *CheckpointError", name, err)
		}
	}
	// No data at all is said to be empty, also where it ends before its size
	// (not "truncated header", which reads as a checkpoint cut short). Data cut
	// short says how much it holds (TestTruncationGivesFileSizes). Short data
	// that does not begin as a checkpoint is told so.
	for _, size := range []int64{0, int64(len(good))} {
		if _, _, err := ReadCheckpoint(bytes.NewReader(nil), size); err == nil || err.Error() != "not a usable checkpoint: it is empty (0 bytes)" {
			t.Errorf("no data, size %d: %v, want it called empty", size, err)
		}
	}
	if _, err := Restore([]byte("hello")); err == nil || err.Error() != "not a usable checkpoint: no ganui checkpoint header" {
		t.Errorf("5 bytes of text: %v, want no checkpoint header", err)
	}
	// Every truncation is caught, not just the halfway one: by its size,
	// and where the data ends before the size said (a file that shrank
	// after its size was taken), where it ends.
	for n := 0; n < len(good); n += 997 {
		if _, err := Restore(good[:n]); err == nil {
			t.Fatalf("a checkpoint cut to %d bytes loaded", n)
		}
		var ce *CheckpointError
		if _, _, err := ReadCheckpoint(bytes.NewReader(good[:n]), int64(len(good))); !errors.As(err, &ce) {
			t.Fatalf("a checkpoint cut to %d bytes, its size the whole one's: %v, want a *CheckpointError", n, err)
		}
	}
	// A size that says less than the data holds: the rest is refused.
	if _, _, err := ReadCheckpoint(bytes.NewReader(append(slices.Clone(good), 0)), int64(len(good))); err == nil || err.Error() != "not a usable checkpoint: it goes on past its size of "+numtext.FormatInt(len(good))+" bytes, after its checksum" {
		t.Errorf("a byte past the size: %v, want it refused", err)
	}
	// No size is the caller's mistake, not the data's: every reader knows the
	// size of what it reads (-1 is not read as a stream of unknown size, which
	// no caller needs).
	if _, _, err := ReadCheckpoint(bytes.NewReader(good), -1); err == nil || errors.As(err, new(*CheckpointError)) {
		t.Errorf("a size of -1: %v, want the caller's error", err)
	}
}

// TestDamageIsToldAsDamage: a bit flipped anywhere in a checkpoint after its
// magic — its version, its configuration, a count, a weight, the checksum — is
// refused as a damaged file, whatever the flip makes of the field it lands in,
// a flip in the header's body length that claims more than the data holds too
// (TestDamagedLengthIsNotACut). The checksum is read first, so that a flip in
// the configuration is not told as a mistake in it ("invalid character '#'
// looking for beginning of value", "\"meaky_relu\" is not one of …, did you
// mean leaky_relu?"), one in a count as a count the configuration does not
// need, nor one in the epoch as an epoch out of range.
func TestDamageIsToldAsDamage(t *testing.T) {
	cfg := vanillaConfig() // small networks, every optional state: the configuration is much of the file
	cfg.GHidden, cfg.GActs = []int{3}, []Activation{LeakyReLU, Identity}
	cfg.DHidden, cfg.DActs = []int{3}, []Activation{LeakyReLU, Sigmoid}
	cfg.GHistAvg, cfg.DHistAvg, cfg.GEMA = 0.01, 0.01, 0.9
	g := mustNew(t, cfg, 4)
	train(t, g, 2)
	good := withAnnex(t, g, []byte("annex"))
	for i := len(checkpointMagic); i < len(good); i++ {
		bits := []int{i % 8} // a bit a byte, in turn, but every bit of the header and the configuration's length
		if i < headerLen+4 {
			bits = []int{0, 1, 2, 3, 4, 5, 6, 7}
		}
		for _, bit := range bits {
			bad := slices.Clone(good)
			bad[i] ^= 1 << bit
			_, _, err := readBytes(bad)
			if err == nil || !strings.HasSuffix(err.Error(), "(the file is damaged)") || !errors.As(err, new(*CheckpointError)) {
				t.Fatalf("bit %d of byte %d of %d flipped: %v, want it told as damage", bit, i, len(good), err)
			}
		}
	}
}

// TestDamagedLengthIsNotACut: a checkpoint whose header's body length has a bit
// flipped to claim more than the file holds is told as a whole file with a
// damaged length, by the checksum at its end, not called truncated ("the header
// claims a body of N bytes, the data holds M"), which would send a user looking
// for the rest of a file they have whole. A checkpoint cut short, its header
// whole, is still truncated.
func TestDamagedLengthIsNotACut(t *testing.T) {
	good := validCheckpoint(t)
	lengthAt := len(checkpointMagic) + 4
	body := len(good) - headerLen - sha256.Size
	for bit := range 64 {
		bad := slices.Clone(good)
		bad[lengthAt+bit/8] ^= 1 << (bit % 8)
		n := binary.LittleEndian.Uint64(bad[lengthAt:])
		if n < uint64(body) {
			continue // a length that claims less is the configuration's to refuse (TestDamageIsToldAsDamage)
		}
		want := fmt.Sprintf("not a usable checkpoint: the header's body length is damaged: it says the checkpoint is %s bytes, the file is a whole checkpoint of %s (the file is damaged)", numtext.FormatUint(n+uint64(headerLen+sha256.Size)), numtext.FormatInt(len(good)))
		if _, _, err := readBytes(bad); err == nil || err.Error() != want {
			t.Errorf("bit %d of the length flipped: %v, want %q", bit, err, want)
		}
	}
	for _, cut := range []int{headerLen, headerLen + 1, len(good) / 2, len(good) - sha256.Size, len(good) - 1} {
		if _, _, err := readBytes(good[:cut]); err == nil || !strings.HasPrefix(err.Error(), "not a usable checkpoint: truncated: ") {
			t.Errorf("cut to %d of %d bytes: %v, want it called truncated", cut, len(good), err)
		}
	}
	// The size is the file's, the data ends before it (a file that shrank
	// since): no whole checkpoint, so truncated, where the data ends.
	bad := slices.Clone(good)
	bad[lengthAt+7] ^= 1
	if _, _, err := ReadCheckpoint(bytes.NewReader(bad[:len(bad)-1]), int64(len(bad))); err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("a damaged length, the data a byte short of its size: %v, want it called truncated", err)
	}
}

// TestTruncationGivesFileSizes: a checkpoint cut anywhere is called truncated
// in sizes a user can check against ls -l: the file's, and, once its header is
// whole, the size that header says the checkpoint has. The body's length is not
// given against what the file holds of a body, leaving out the header and the
// checksum: a file cut to 24 bytes does not read "the header claims a body of
// 284,685 bytes, the data holds 0" beside a checkpoint of 284,737.
func TestTruncationGivesFileSizes(t *testing.T) {
	good := validCheckpoint(t)
	whole := numtext.FormatInt(len(good))
	for _, cut := range []int{1, 8, 12, 20, 24, 100, 1024, len(good) - 33, len(good) - 32, len(good) - 1} {
		want := fmt.Sprintf("not a usable checkpoint: truncated: it is %s bytes, its header says the checkpoint is %s", numtext.FormatInt(cut), whole)
		switch {
		case cut == 1:
			want = "not a usable checkpoint: truncated: it is 1 byte, less than a checkpoint's 20-byte header"
		case cut < headerLen:
			want = fmt.Sprintf("not a usable checkpoint: truncated: it is %d bytes, less than a checkpoint's 20-byte header", cut)
		}
		if _, _, err := readBytes(good[:cut]); err == nil || err.Error() != want {
			t.Errorf("cut to %d of %d bytes: %v, want %q", cut, len(good), err, want)
		}
	}
	// A header that claims more than a size can say: no number wraps.
	forged := slices.Clone(good[:100])
	binary.LittleEndian.PutUint64(forged[len(checkpointMagic)+4:], math.MaxUint64)
	want := "not a usable checkpoint: truncated: it is 100 bytes, its header says the checkpoint is more than 18,446,744,073,709,551,615"
	if _, _, err := readBytes(forged); err == nil || err.Error() != want {
		t.Errorf("a length of 2⁶⁴-1: %v, want %q", err, want)
	}
}

// TestChecksumAndTrailingBytesGiveFileSizes: a checksum that is not the data's
// is told by the bytes it covers, the file's first so many, which head -c and
// sha256sum check, not "checksum mismatch", which names none; bytes after a
// whole checkpoint are told in sizes, as a cut is, which say what to keep, not
// "unexpected data after the checksum", which does not say how much.
func TestChecksumAndTrailingBytesGiveFileSizes(t *testing.T) {
	good := validCheckpoint(t)
	size := func(n int) string { return numtext.FormatInt(n) }
	covered := size(len(good) - sha256.Size)
	flip := func(at int) []byte {
		bad := slices.Clone(good)
		bad[at] ^= 0x10
		return bad
	}
	mismatch := "not a usable checkpoint: checksum mismatch: the SHA-256 of its first " + covered + " bytes is not the 32 bytes after them (the file is damaged)"
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"a weight flipped", flip(len(good) / 2), mismatch},
		{"the version flipped", flip(len(checkpointMagic)), mismatch},
		{"the checksum flipped", flip(len(good) - 1), mismatch},
		{"a byte appended", append(slices.Clone(good), '\n'),
			"not a usable checkpoint: it is " + size(len(good)+1) + " bytes, its header says the checkpoint is " + size(len(good)) + ": that checkpoint is whole, by its checksum, and 1 byte after it"},
		{"another checkpoint appended", append(slices.Clone(good), good...),
			"not a usable checkpoint: it is " + size(2*len(good)) + " bytes, its header says the checkpoint is " + size(len(good)) + ": that checkpoint is whole, by its checksum, and " + size(len(good)) + " bytes after it"},
	} {
		if _, _, err := readBytes(c.data); err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// TestChecksumBeforeTheEndGivesFileSizes: a checksum the header puts before the
// file's end (a length a byte short, the file whole) that is not the data's is
// told with both sizes, as a cut is, which show where the checksum read is:
// "its first 245,106 bytes" of a file of 245,139 alone does not say why they
// are not the first 245,107.
func TestChecksumBeforeTheEndGivesFileSizes(t *testing.T) {
	g := mustNew(t, blogConfig(), 2)
	train(t, g, 3)
	good := withAnnex(t, g, []byte("annex")) // a length a byte short leaves it a byte less: the configuration takes that
	size := func(n int) string { return numtext.FormatInt(n) }
	for _, c := range []struct {
		name  string
		short int // bytes the header's length is short of the body's
		tail  []byte
	}{
		{"a length a byte short", 1, nil},
		{"the version flipped, a byte appended", 0, []byte("\n")},
	} {
		bad := append(slices.Clone(good), c.tail...)
		lengthAt := len(checkpointMagic) + 4
		binary.LittleEndian.PutUint64(bad[lengthAt:], binary.LittleEndian.Uint64(bad[lengthAt:])-uint64(c.short))
		if c.tail != nil {
			bad[len(checkpointMagic)] ^= 0x10
		}
		whole := len(good) - c.short
		want := "not a usable checkpoint: checksum mismatch: it is " + size(len(bad)) + " bytes, its header says the checkpoint is " + size(whole) + ", and the SHA-256 of its first " + size(whole-sha256.Size) + " bytes is not the 32 bytes after them (the file is damaged)"
		if _, _, err := readBytes(bad); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", c.name, err, want)
		}
	}
}

// TestFieldPastTheBodyGivesFileBytes: a field whose length runs past the body
// its header gives, into the checksum, is refused where it reaches it: damaged,
// the file is told so by its checksum, as any other flip is; forged, its
// checksum right, the field is told by the file's bytes. It is not read on past
// the body, then told by the body's length alone ("the body runs past the
// 245,082 bytes its header claims").
func TestFieldPastTheBodyGivesFileBytes(t *testing.T) {
	good := validCheckpoint(t)
	size := func(n int) string { return numtext.FormatInt(n) }
	cfgLenAt := headerLen
	flipped := slices.Clone(good)
	flipped[cfgLenAt+2] ^= 1 << 3 // the configuration's length, 2¹⁹ more: past the file, within the 1 MiB a configuration may take
	forged := forge(t, good, func(cfg, rest []byte) ([]byte, []byte) { return cfg, rest })
	binary.LittleEndian.PutUint32(forged[cfgLenAt:], 500_000)
	forged = append(forged[:len(forged)-sha256.Size], make([]byte, sha256.Size)...)
	sum := sha256.Sum256(forged[:len(forged)-sha256.Size])
	copy(forged[len(forged)-sha256.Size:], sum[:])
	checksumAt := len(good) - sha256.Size + 1
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"the configuration's length flipped", flipped,
			"not a usable checkpoint: checksum mismatch: the SHA-256 of its first " + size(len(good)-sha256.Size) + " bytes is not the 32 bytes after them (the file is damaged)"},
		{"the configuration's length forged", forged,
			"not a usable checkpoint: its configuration, 500,000 bytes from byte 25, runs into the checksum its header puts at bytes " + size(checksumAt) + " to " + size(len(good))},
	} {
		if _, _, err := readBytes(c.data); err == nil || err.Error() != c.want {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// TestBodyErrorsGiveFileBytes: what is wrong inside a sealed body is told by
// where it is in the file, bytes counted from 1 as cmp counts them, and by the
// setting it goes against; counts are said with the size of their values. Not
// by fields alone ("generator weights: 12,701 values, the configuration needs
// 12,700", "generator optimizer: state is not Adam's", "an annex of 1 bytes in
// a body that leaves 0"), nor data that ends before its size by the part it
// ends in ("truncated body").
func TestBodyErrorsGiveFileBytes(t *testing.T) {
	good := validCheckpoint(t)
	u32 := func(at int) int { return int(binary.LittleEndian.Uint32(good[at:])) }
	cfgLen := u32(headerLen)
	seedAt := headerLen + 4 + cfgLen
	epochAt := seedAt + 8
	rngAt := epochAt + 8
	gCountAt := rngAt + 4 + u32(rngAt)
	dCountAt := gCountAt + 4 + 4*u32(gCountAt)
	optAt := dCountAt + 4 + 4*u32(dCountAt)
	annexAt := len(good) - sha256.Size - 4
	// sealed is good with edit made to its body, its checksum made right.
	sealed := func(edit func(b []byte)) []byte {
		b := slices.Clone(good[:len(good)-sha256.Size])
		edit(b)
		sum := sha256.Sum256(b)
		return append(b, sum[:]...)
	}
	span := func(at, n int) string { return "bytes " + numtext.FormatInt(at+1) + " to " + numtext.FormatInt(at+n) }
	const prefix = "not a usable checkpoint: "
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"a weights count", sealed(func(b []byte) { binary.LittleEndian.PutUint32(b[gCountAt:], uint32(u32(gCountAt)+1)) }),
			"its generator weights: the count at " + span(gCountAt, 4) + " says " + numtext.FormatInt(u32(gCountAt)+1) + " values of 4 bytes, where the design its configuration gives has " + numtext.FormatInt(u32(gCountAt))},
		{"an optimizer's kind", sealed(func(b []byte) { b[optAt] = optSGD }),
			"its generator optimizer: byte " + numtext.FormatInt(optAt+1) + " says SGD's state, where its configuration's g_opt is adam"},
		{"no optimizer's kind", sealed(func(b []byte) { b[optAt] = 9 }),
			"its generator optimizer: byte " + numtext.FormatInt(optAt+1) + " says no optimizer's (9) state, where its configuration's g_opt is adam"},
		{"a step count", sealed(func(b []byte) { binary.LittleEndian.PutUint64(b[optAt+1:], MaxUpdates+1) }),
			"its generator optimizer: the step count at " + span(optAt+1, 8) + " says 9,007,199,254,740,993 steps, out of range 0..9,007,199,254,740,992"},
		{"a random state", sealed(func(b []byte) { b[rngAt+4] ^= 0xff }),
			"its random state, " + span(rngAt+4, u32(rngAt)) + ": invalid PCG encoding"},
		{"a random state's length", sealed(func(b []byte) { binary.LittleEndian.PutUint32(b[rngAt:], 65) }),
			"its random state: the length at " + span(rngAt, 4) + " says 65 bytes, at most 64"},
		{"a setting", sealed(func(b []byte) {
			copy(b[headerLen+4:], bytes.Replace(b[headerLen+4:seedAt], []byte(`"batch":100`), []byte(`"batch":0  `), 1))
		}), "its configuration, " + span(headerLen+4, cfgLen) + ": batch: 0 out of range 1..100,000"},
		{"an annex's length", sealed(func(b []byte) { binary.LittleEndian.PutUint32(b[annexAt:], 1) }),
			"its annex: the length at " + span(annexAt, 4) + " says 1 byte, where its header leaves 0 between it and the checksum"},
	} {
		if _, _, err := readBytes(c.data); err == nil || err.Error() != prefix+c.want {
			t.Errorf("%s: %v, want %q", c.name, err, prefix+c.want)
		}
	}
	// Data that ends before its size, a file that shrank as it was read.
	for _, cut := range []int{gCountAt + 100, len(good) - 10} {
		part := "generator weights"
		if cut > annexAt {
			part = "checksum"
		}
		want := prefix + "truncated: it ended after " + numtext.FormatInt(cut) + " bytes as it was read, in its " + part
		if _, _, err := ReadCheckpoint(bytes.NewReader(good[:cut]), int64(len(good))); err == nil || err.Error() != want {
			t.Errorf("data cut to %d of its %d bytes: %v, want %q", cut, len(good), err, want)
		}
	}
}

// TestLengthAgainstConfigurationGivesFileSizes: a header whose body length the
// configuration does not take is told in sizes a user can check against ls -l,
// as a checkpoint cut short is: the file's, the whole checkpoint its header
// says, and the whole checkpoint its configuration makes. The body's length is
// not set against what the configuration needs of a body, the header and
// checksum left out ("the header claims a body of 245,081 bytes, the
// configuration needs 245,082" of a file of 245,134).
func TestLengthAgainstConfigurationGivesFileSizes(t *testing.T) {
	good := validCheckpoint(t)
	lengthAt := len(checkpointMagic) + 4
	body := uint64(len(good) - headerLen - sha256.Size)
	size := func(n int) string { return numtext.FormatInt(n) }

	// A length a byte short of the file's body: the configuration makes a
	// checkpoint at least the file's size (an annex may follow).
	short := slices.Clone(good)
	binary.LittleEndian.PutUint64(short[lengthAt:], body-1)
	want := fmt.Sprintf("not a usable checkpoint: it is %s bytes, its header says the checkpoint is %s, its configuration at least %s (the file is damaged)", size(len(good)), size(len(good)-1), size(len(good)))
	if _, _, err := readBytes(short); err == nil || err.Error() != want {
		t.Errorf("a length a byte short: %v, want %q", err, want)
	}
	// A length past the largest annex, the file as long as it says.
	long := body + MaxAnnex + 1
	huge := slices.Clone(good)
	binary.LittleEndian.PutUint64(huge[lengthAt:], long)
	whole := len(good) + MaxAnnex + 1
	want = fmt.Sprintf("not a usable checkpoint: it is %s bytes, its header says the checkpoint is %s, its configuration at most %s (the file is damaged)", size(whole), size(whole), size(len(good)+MaxAnnex))
	if _, _, err := ReadCheckpoint(bytes.NewReader(huge), int64(whole)); err == nil || err.Error() != want {
		t.Errorf("a length past MaxAnnex: %v, want %q", err, want)
	}
	// A version-2 checkpoint has no annex: its configuration makes it one size.
	v2 := slices.Clone(short)
	binary.LittleEndian.PutUint32(v2[len(checkpointMagic):], 2)
	want = fmt.Sprintf("not a usable checkpoint: it is %s bytes, its header says the checkpoint is %s, its configuration %s (the file is damaged)", size(len(good)), size(len(good)-1), size(len(good)-4))
	if _, _, err := readBytes(v2); err == nil || err.Error() != want {
		t.Errorf("a version-2 length a byte short: %v, want %q", err, want)
	}
	// A configuration whose weights alone outgrow the header's length:
	// the checkpoint is more than what was read before them and them.
	c := blogConfig()
	c.GHidden, c.GActs = []int{2000, 2000, 2000}, []Activation{ReLU, ReLU, ReLU, Identity}
	wide := forge(t, good, func(_, rest []byte) ([]byte, []byte) {
		cfg, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		return cfg, rest
	})
	cfgLen := int(binary.LittleEndian.Uint32(wide[headerLen:]))
	rngLen := int(binary.LittleEndian.Uint32(wide[headerLen+4+cfgLen+16:]))
	least := headerLen + 4 + cfgLen + 16 + 4 + rngLen + 4*c.denseWeights() + sha256.Size
	want = fmt.Sprintf("not a usable checkpoint: it is %s bytes, its header says the checkpoint is %s, its configuration's weights alone make it more than %s (the file is damaged)", size(len(wide)), size(len(wide)), size(least))
	if _, _, err := readBytes(wide); err == nil || err.Error() != want {
		t.Errorf("a configuration too wide for the length: %v, want %q", err, want)
	}
}

// forge rewrites a checkpoint: edit changes the configuration JSON and
// the body after it (seed onwards), then the header's length and the
// checksum are made to match, as a deliberate forger would.
func forge(t *testing.T, good []byte, edit func(cfg, rest []byte) ([]byte, []byte)) []byte {
	t.Helper()
	n := int(binary.LittleEndian.Uint32(good[headerLen:]))
	cfg := good[headerLen+4 : headerLen+4+n]
	rest := good[headerLen+4+n : len(good)-sha256.Size]
	cfg, rest = edit(slices.Clone(cfg), slices.Clone(rest))
	body := binary.LittleEndian.AppendUint32(nil, uint32(len(cfg)))
	body = append(append(body, cfg...), rest...)
	out := append([]byte(checkpointMagic), binary.LittleEndian.AppendUint32(nil, checkpointVersion)...)
	out = binary.LittleEndian.AppendUint64(out, uint64(len(body)))
	out = append(out, body...)
	sum := sha256.Sum256(out)
	return append(out, sum[:]...)
}

// TestForgedCheckpointsAreRefused: well-sealed checkpoints whose contents
// break a rule — a repeated key, an epoch or a step count out of range, a
// body size the configuration does not need — are refused, not masked;
// a step count past 2³¹ that is within range loads exactly.
func TestForgedCheckpointsAreRefused(t *testing.T) {
	good := validCheckpoint(t)
	same := forge(t, good, func(cfg, rest []byte) ([]byte, []byte) { return cfg, rest })
	if !slices.Equal(same, good) {
		t.Fatal("forge does not rebuild an untouched checkpoint")
	}
	epochAt := 8                    // in rest: seed u64, then epoch u64
	optT := func(rest []byte) int { // G's step count: after the random state and G's and D's weights
		g := mustNew(t, blogConfig(), 1)
		rng := int(binary.LittleEndian.Uint32(rest[16:]))
		return 16 + 4 + rng + 4 + 4*len(g.gen.Params) + 4 + 4*len(g.disc.Params) + 1
	}
	bad := map[string][]byte{
		"repeated key": forge(t, good, func(cfg, rest []byte) ([]byte, []byte) {
			return append(cfg[:len(cfg)-1], []byte(`,"epochs":5}`)...), rest
		}),
		"epoch past MaxEpochs": forge(t, good, func(cfg, rest []byte) ([]byte, []byte) {
			binary.LittleEndian.PutUint64(rest[epochAt:], MaxEpochs+1)
			return cfg, rest
		}),
		"steps past MaxUpdates": forge(t, good, func(cfg, rest []byte) ([]byte, []byte) {
			binary.LittleEndian.PutUint64(rest[optT(rest):], MaxUpdates+1)
			return cfg, rest
		}),
		"larger body": forge(t, good, func(cfg, rest []byte) ([]byte, []byte) {
			return cfg, append(rest, make([]byte, 4096)...)
		}),
	}
	for name, data := range bad {
		var ce *CheckpointError
		if _, err := Restore(data); !errors.As(err, &ce) {
			t.Errorf("%s: got %v, want a *CheckpointError", name, err)
		}
	}
	big := forge(t, good, func(cfg, rest []byte) ([]byte, []byte) {
		binary.LittleEndian.PutUint64(rest[optT(rest):], 1<<31+500)
		return cfg, rest
	})
	g, err := Restore(big)
	if err != nil || g.gOpt.(*Adam).T != 1<<31+500 {
		t.Fatalf("a step count of 2³¹+500: %v", err)
	}
}

// TestSmallCheckpointOfAWideDesignIsRefusedAtOnce: a checkpoint whose
// configuration names a design far wider than its body could hold (a file
// of 50 KB, edited or damaged, naming layers of 2,000 units) is refused
// before the networks are built: building them took the design's
// hundreds of megabytes and seconds, only to refuse the file after.
func TestSmallCheckpointOfAWideDesignIsRefusedAtOnce(t *testing.T) {
	wide := forge(t, validCheckpoint(t), func(_, rest []byte) ([]byte, []byte) {
		c := blogConfig()
		c.GHidden, c.GActs = []int{2000, 2000, 2000}, []Activation{ReLU, ReLU, ReLU, Identity}
		c.DHidden, c.DActs = []int{2000, 2000, 2000}, []Activation{ReLU, ReLU, ReLU, Sigmoid}
		if err := c.Validate(); err != nil {
			t.Fatal(err)
		}
		cfg, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		return cfg, rest
	})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Restore(wide)
	runtime.ReadMemStats(&after)
	var ce *CheckpointError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v, want a *CheckpointError", err)
	}
	if took := after.TotalAlloc - before.TotalAlloc; took > 32<<20 {
		t.Errorf("refusing a %d-byte checkpoint took %d MB", len(wide), took>>20)
	}
}

// TestShortCheckpointOfAWideDesignIsRefusedAtOnce: a checkpoint of a wide
// design cut short (a copy that stopped), its header still claiming the whole
// body, is refused as truncated before the networks are built when its size is
// known, as a file's is, not called truncated only when the weights run out, as
// a stream is, after building the design's hundreds of megabytes.
func TestShortCheckpointOfAWideDesignIsRefusedAtOnce(t *testing.T) {
	wide := forge(t, validCheckpoint(t), func(_, rest []byte) ([]byte, []byte) {
		c := blogConfig()
		c.GHidden, c.GActs = []int{2000, 2000}, []Activation{ReLU, ReLU, Identity}
		cfg, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		return cfg, rest
	})
	binary.LittleEndian.PutUint64(wide[len(checkpointMagic)+4:], 1<<30) // the whole body, as the header of the file before the cut
	wide = wide[:len(wide)-1000]                                        // the cut, which leaves no checksum at the end
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err := readBytes(wide)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Fatalf("got %v, want it called truncated", err)
	}
	if took := after.TotalAlloc - before.TotalAlloc; took > 1<<20 {
		t.Errorf("refusing a %d-byte checkpoint took %d kB", len(wide), took>>10)
	}
}

// TestEndlessInputIsRefusedAtOnce: a reader that goes on past its size
// (a device like /dev/zero, a file that grows) is refused after the
// header, not read to exhaustion.
func TestEndlessInputIsRefusedAtOnce(t *testing.T) {
	for _, size := range []int64{0, 1 << 40} {
		zeros := &countingReader{}
		if _, _, err := ReadCheckpoint(zeros, size); err == nil {
			t.Fatalf("endless zeros of size %d loaded", size)
		}
		if zeros.n > 1<<16 {
			t.Errorf("size %d: read %d bytes of an endless input", size, zeros.n)
		}
	}
}

type countingReader struct{ n int }

func (c *countingReader) Read(p []byte) (int, error) {
	clear(p)
	c.n += len(p)
	return len(p), nil
}

// FuzzRestore: no input makes the checkpoint reader, or CheckpointEpochs,
// panic; anything the reader accepts encodes back to the same bytes, and
// CheckpointEpochs, which reads its start alone, gives its epoch and plan.
func FuzzRestore(f *testing.F) {
	good := validCheckpoint(f)
	f.Add(good)
	f.Add(good[:headerLen])
	f.Add([]byte(checkpointMagic))
	f.Add([]byte{})
	f.Add(asVersion1(good)) // the same body: no points target
	later := slices.Clone(good[:len(good)-sha256.Size])
	binary.LittleEndian.PutUint32(later[len(checkpointMagic):], checkpointVersion+1)
	laterSum := sha256.Sum256(later)
	f.Add(append(later, laterSum[:]...)) // a newer ganui's format, sealed
	v3, err := os.ReadFile(filepath.Join("testdata", "checkpoint-v3-sgd-rmsprop.bin"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(v3) // SGD's and RMSprop's step counts, dropped
	path := filepath.Join(f.TempDir(), "data.csv")
	if err := os.WriteFile(path, []byte("0,0\n1,1\n2,0\n"), 0o644); err != nil {
		f.Fatal(err)
	}
	cfg := ringConfig()
	cfg.Target = "points(" + path + ")"
	g := mustNew(f, cfg, 3)
	train(f, g, 2)
	points, err := g.MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(points) // its points in it: the file is not read
	f.Add(withAnnex(f, g, []byte("annex")))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, annex, err := readBytes(data)
		epoch, plan, ok := CheckpointEpochs(bytes.NewReader(data))
		if err == nil && (!ok || epoch != g.Epoch() || plan != g.Config().Epochs) {
			t.Fatalf("CheckpointEpochs = %d, %d, %v of a checkpoint of epoch %d of %d", epoch, plan, ok, g.Epoch(), g.Config().Epochs)
		}
		// Whether a checkpoint loads does not depend on the size saying
		// more than the data holds: that only finds a short one later.
		if _, _, errLong := ReadCheckpoint(bytes.NewReader(data), int64(len(data))+1<<20); (err == nil) != (errLong == nil) {
			t.Fatalf("sized: %v; sized past its end: %v", err, errLong)
		}
		if err != nil {
			return
		}
		again := withAnnex(t, g, annex)
		// A checkpoint of this version, written by this ganui, re-encodes
		// to its bytes; an older one, or another ganui's, to this
		// version's and this ganui's, which re-encodes to itself.
		if binary.LittleEndian.Uint32(data[len(checkpointMagic):]) != checkpointVersion || !writtenHere(data) {
			if g, annex, err = readBytes(again); err != nil {
				t.Fatalf("an upgraded checkpoint does not load: %v", err)
			}
			data = again
			again = withAnnex(t, g, annex)
		}
		if !slices.Equal(again, data) {
			t.Fatal("a restored checkpoint does not re-encode to its bytes")
		}
	})
}

// FuzzDecodeConfig: no JSON makes a checkpoint's configuration reader
// panic or give an error of more than one line; a configuration it takes
// writes back as JSON it takes again, equal. FuzzRestore reaches it only
// behind a checkpoint's header and lengths.
func FuzzDecodeConfig(f *testing.F) {
	for _, c := range []Config{blogConfig(), ringConfig(), perSample()} {
		data, err := json.Marshal(c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{`{}`, `{"name":"x","name":"y"}`, `{"g_hidden":[1e9]}`, `{"g_acts":["relu"]}`, `{"nope":1}`, `{} {}`, `[`, `{"batch":1e400}`,
		`{"ganui_version":"v9.9.9","d_new":1,"batch":2}`, `{"ganui_version":1}`, `{"GANUI_VERSION":"v1"}`, `{"Batch":2}`, `{"ganui_version":"v1\u001b[2J","d_new":1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := decodeConfig(data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error %q", err)
			}
			if ne := (*NewerError)(nil); errors.As(err, &ne) && strings.ContainsFunc(err.Error(), unicode.IsControl) {
				t.Fatalf("a control character in %q", err)
			}
			return
		}
		if err := cfg.validate(false); err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("multi-line error %q", err)
		}
		again, err := json.Marshal(cfg)
		if err != nil {
			return // a choice out of its range, which validate refuses
		}
		back, err := decodeConfig(again)
		if err != nil {
			t.Fatalf("%s does not read back: %v", again, err)
		}
		if again2, _ := json.Marshal(back); !bytes.Equal(again, again2) {
			t.Fatalf("%s reads back as %s", again, again2)
		}
	})
}

// writtenHere reports whether the checkpoint data records this ganui as
// the one that wrote it.
func writtenHere(data []byte) bool {
	n := int(binary.LittleEndian.Uint32(data[headerLen:]))
	var cfg map[string]json.RawMessage
	if json.Unmarshal(data[headerLen+4:headerLen+4+n], &cfg) != nil {
		return false
	}
	ours, err := json.Marshal(release.Version)
	return err == nil && bytes.Equal(cfg[VersionKey], ours)
}

// asVersion1 is a checkpoint without a points target or an annex as
// version 1 wrote it: the body without the annex's length, under
// version 1, with its checksum.
func asVersion1(data []byte) []byte {
	return asVersion(1, data)
}

// asVersion is a checkpoint without an annex as version (1 or 2) wrote it:
// the body without the annex's length, under that version, with its
// checksum.
func asVersion(version uint32, data []byte) []byte {
	end := len(data) - sha256.Size - 4
	if binary.LittleEndian.Uint32(data[end:]) != 0 {
		panic("asVersion: the checkpoint has an annex")
	}
	old := slices.Clone(data[:end])
	binary.LittleEndian.PutUint32(old[len(checkpointMagic):], version)
	binary.LittleEndian.PutUint64(old[len(checkpointMagic)+4:], uint64(len(old)-headerLen))
	sum := sha256.Sum256(old)
	return append(old, sum[:]...)
}

// readBytes reads the checkpoint data as a file of its size is read.
func readBytes(data []byte) (*GAN, []byte, error) {
	return ReadCheckpoint(bytes.NewReader(data), int64(len(data)))
}

// withAnnex writes g's checkpoint with annex.
func withAnnex(t testing.TB, g *GAN, annex []byte) []byte {
	var b bytes.Buffer
	if err := g.WriteCheckpoint(&b, annex); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestCheckpointAnnex: a front end's annex comes back as it was written,
// the run with it restored as without it; a checkpoint of version 2 (no
// annex) loads with none; an annex whose length disagrees with the
// header's, or longer than MaxAnnex, is refused.
func TestCheckpointAnnex(t *testing.T) {
	g := mustNew(t, blogConfig(), 2)
	train(t, g, 3)
	plain, err := g.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	annex := []byte("the session's history\x00\xff")
	data := withAnnex(t, g, annex)
	r, got, err := readBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, annex) {
		t.Fatalf("annex %q, want %q", got, annex)
	}
	if again, err := r.MarshalBinary(); err != nil || !bytes.Equal(again, plain) {
		t.Fatalf("the run restored with an annex differs from the one without: %v", err)
	}
	for _, old := range []uint32{1, 2} {
		r, got, err := readBytes(asVersion(old, plain))
		if err != nil || got != nil || r.Epoch() != 3 {
			t.Fatalf("version %d: annex %q, %v", old, got, err)
		}
	}
	if _, got, err := readBytes(plain); err != nil || got != nil {
		t.Fatalf("an empty annex: %q, %v", got, err)
	}
	// The annex's length claims more or less than the header leaves.
	for _, delta := range []int{-1, 1} {
		bad := slices.Clone(data[:len(data)-sha256.Size])
		at := len(bad) - len(annex) - 4
		binary.LittleEndian.PutUint32(bad[at:], uint32(len(annex)+delta))
		sum := sha256.Sum256(bad)
		var ce *CheckpointError
		if _, _, err := readBytes(append(bad, sum[:]...)); !errors.As(err, &ce) {
			t.Errorf("an annex length off by %d: got %v, want a *CheckpointError", delta, err)
		}
	}
	// A header claiming a body past MaxAnnex, with data enough after it,
	// is refused before the weights.
	huge := slices.Clone(data)
	body := len(data) - headerLen - sha256.Size + MaxAnnex + 1
	binary.LittleEndian.PutUint64(huge[len(checkpointMagic)+4:], uint64(body))
	zeros := &countingReader{}
	if _, _, err := ReadCheckpoint(io.MultiReader(bytes.NewReader(huge), zeros), int64(headerLen+body+sha256.Size)); err == nil || !strings.Contains(err.Error(), "its header says the checkpoint is") || zeros.n > 0 {
		t.Errorf("a body past MaxAnnex: %v, after %d bytes past the data", err, zeros.n)
	}
	if err := g.WriteCheckpoint(io.Discard, make([]byte, MaxAnnex+1)); err == nil {
		t.Error("an annex past MaxAnnex was written")
	}
}

// TestVersion3StepCountsAreDropped: in a checkpoint of version 3, SGD and
// RMSprop hold a step count that nothing of theirs used. One such
// checkpoint (testdata/checkpoint-v3-sgd-rmsprop.bin, written by the
// ganui of version 3: vanilla's design with SGD for D and RMSprop for G,
// seed 5, after 20 epochs) loads, and saves as the same bytes less the two
// step counts under this version: the same run, whichever kernels build.
func TestVersion3StepCountsAreDropped(t *testing.T) {
	old, err := os.ReadFile(filepath.Join("testdata", "checkpoint-v3-sgd-rmsprop.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if v := binary.LittleEndian.Uint32(old[len(checkpointMagic):]); v != 3 {
		t.Fatalf("the fixture is of version %d, want 3", v)
	}
	g, err := Restore(old)
	if err != nil {
		t.Fatal(err)
	}
	if g.Epoch() != 20 {
		t.Fatalf("restored at epoch %d, want 20", g.Epoch())
	}
	_, isSGD := g.dOpt.(*SGD)
	_, isRMSprop := g.gOpt.(*RMSprop)
	if !isSGD || !isRMSprop {
		t.Fatalf("optimizers %T for D and %T for G, want SGD and RMSprop", g.dOpt, g.gOpt)
	}
	// The body: configuration, seed, epoch, random state, G's and D's
	// weights, then G's optimizer: its kind byte, the step count, its
	// mean square; D's the same with its momentum buffer.
	at := headerLen
	at += 4 + int(binary.LittleEndian.Uint32(old[at:]))
	at += 8 + 8
	at += 4 + int(binary.LittleEndian.Uint32(old[at:]))
	at += 4 + 4*len(g.gen.Params) + 4 + 4*len(g.disc.Params)
	gSteps := at + 1
	dSteps := gSteps + 8 + 4 + 4*len(g.gen.Params) + 1
	if old[at] != optRMSprop || old[dSteps-1] != optSGD {
		t.Fatalf("kind bytes %d and %d, want RMSprop's and SGD's", old[at], old[dSteps-1])
	}
	for _, i := range []int{gSteps, dSteps} {
		if n := binary.LittleEndian.Uint64(old[i:]); n == 0 || n > MaxUpdates {
			t.Fatalf("a step count of %d at byte %d", n, i)
		}
	}
	// The configuration as this ganui writes it: the ganui that writes
	// it and keys added since (d_warmup_steps, …) join it, the keys at
	// their values of before.
	cfgLen := int(binary.LittleEndian.Uint32(old[headerLen:]))
	cfg, err := configJSON(g.cfg)
	if err != nil {
		t.Fatal(err)
	}
	body := slices.Concat(old[:headerLen], binary.LittleEndian.AppendUint32(nil, uint32(len(cfg))), cfg,
		old[headerLen+4+cfgLen:gSteps], old[gSteps+8:dSteps], old[dSteps+8:len(old)-sha256.Size])
	binary.LittleEndian.PutUint32(body[len(checkpointMagic):], checkpointVersion)
	binary.LittleEndian.PutUint64(body[len(checkpointMagic)+4:], uint64(len(body)-headerLen))
	sum := sha256.Sum256(body)
	want := append(body, sum[:]...)
	got, err := g.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("the restored run saves other bytes than the checkpoint's without its step counts")
	}
	// A dropped step count is still checked.
	for _, i := range []int{gSteps, dSteps} {
		bad := slices.Clone(old[:len(old)-sha256.Size])
		binary.LittleEndian.PutUint64(bad[i:], MaxUpdates+1)
		sum := sha256.Sum256(bad)
		var ce *CheckpointError
		if _, err := Restore(append(bad, sum[:]...)); !errors.As(err, &ce) || !strings.Contains(err.Error(), "9,007,199,254,740,993 steps, out of range 0..9,007,199,254,740,992") {
			t.Errorf("a step count past MaxUpdates at byte %d: %v", i, err)
		}
	}
}

// TestCheckpointOfANewerGanui: a checkpoint whose configuration has keys
// this ganui does not know (one written by a newer ganui, as d_warmup_steps
// once appeared) is refused, not trained without them, by a one-line
// *NewerError that names the ganui that wrote it (as the checkpoint
// records it, from this ganui on), the keys, and the way out; damaged or
// cut short, it is called that instead. A checkpoint records the ganui
// that writes it.
func TestCheckpointOfANewerGanui(t *testing.T) {
	good := validCheckpoint(t)
	ours, err := json.Marshal(release.Version)
	if err != nil {
		t.Fatal(err)
	}
	recorded := []byte(`{"` + VersionKey + `":` + string(ours) + `,`)
	if cfgAt := headerLen + 4; !bytes.HasPrefix(good[cfgAt:], recorded) {
		t.Fatalf("a checkpoint's configuration begins %.60q, want it to record this ganui, %s", good[cfgAt:], recorded)
	}
	newer := func(writer string, keys ...string) []byte {
		return forge(t, good, func(cfg, rest []byte) ([]byte, []byte) {
			cfg = bytes.Replace(cfg, recorded, []byte("{"), 1)
			if writer != "" {
				cfg = slices.Concat([]byte(`{"`+VersionKey+`":"`+writer+`",`), cfg[1:])
			}
			for _, k := range keys {
				cfg = slices.Concat(cfg[:len(cfg)-1], []byte(`,"`+k+`":3}`))
			}
			return cfg, rest
		})
	}
	for _, c := range []struct {
		data []byte
		want string
	}{
		{newer("v9.9.9", "d_future_steps"), `written by ganui v9.9.9, whose design has a key this ganui, ` + release.Version + `, does not know: "d_future_steps"; upgrade ganui to read it`},
		{newer("v9.9.9", "d_future_steps", "g_future"), `written by ganui v9.9.9, whose design has keys this ganui, ` + release.Version + `, does not know: "d_future_steps", "g_future"; upgrade ganui to read it`},
		{newer("", "d_future_steps"), `written by a newer ganui, whose design has a key this ganui, ` + release.Version + `, does not know: "d_future_steps"; upgrade ganui to read it`},
		{newer("v9.9.9", "a", "b", "c", "d", "e", "f"), `does not know: "a", "b", "c", "d" and 2 more; upgrade ganui to read it`},
	} {
		_, err := Restore(c.data)
		var ne *NewerError
		if !errors.As(err, &ne) || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("got %v, want a *NewerError, one line, saying %q", err, c.want)
		}
	}
	// Its writer recorded, the same configuration loads.
	if _, err := Restore(newer("v9.9.9")); err != nil {
		t.Errorf("a checkpoint of ganui v9.9.9 with no key unknown here: %v", err)
	}
	// Damaged past its configuration, or cut short, it is not a newer
	// ganui's but damaged: the checksum says which.
	data := newer("v9.9.9", "d_future_steps")
	flipped := slices.Clone(data)
	flipped[len(flipped)-sha256.Size-100] ^= 1
	for name, bad := range map[string][]byte{"flipped": flipped, "cut": data[:len(data)-1]} {
		var ce *CheckpointError
		if _, err := Restore(bad); !errors.As(err, &ce) {
			t.Errorf("%s: got %v, want a *CheckpointError", name, err)
		}
	}
	// A format past this ganui's, sealed, is a newer ganui's; its header
	// changed alone, damage.
	later := slices.Clone(good[:len(good)-sha256.Size])
	binary.LittleEndian.PutUint32(later[len(checkpointMagic):], checkpointVersion+1)
	sum := sha256.Sum256(later)
	_, err = Restore(append(later, sum[:]...))
	if want := fmt.Sprintf("written by a newer ganui, in checkpoint format %d; this ganui, %s, reads formats 1 to %d: upgrade ganui to read it", checkpointVersion+1, release.Version, checkpointVersion); !errors.As(err, new(*NewerError)) || err.Error() != want {
		t.Errorf("a later format: %v, want %q", err, want)
	}
	if _, err := Restore(append(later, good[len(good)-sha256.Size:]...)); !errors.As(err, new(*CheckpointError)) || !strings.Contains(err.Error(), "checksum mismatch") {
		t.Errorf("a later format's number in a damaged header: %v, want a checksum mismatch", err)
	}
	// Format 0, sealed, is no ganui's: said in the words a later
	// format's number is, the format's, not a "version" that reads as
	// ganui's own.
	zero := slices.Clone(later)
	binary.LittleEndian.PutUint32(zero[len(checkpointMagic):], 0)
	zeroSum := sha256.Sum256(zero)
	_, err = Restore(append(zero, zeroSum[:]...))
	if want := fmt.Sprintf("not a usable checkpoint: checkpoint format 0; this ganui reads formats 1 to %d", checkpointVersion); !errors.As(err, new(*CheckpointError)) || err.Error() != want {
		t.Errorf("format 0: %v, want %q", err, want)
	}
	// The version's key is a string, given once.
	for _, cfg := range []string{`{"ganui_version":1}`, `{"ganui_version":"a","ganui_version":"a"}`} {
		if _, err := decodeConfig([]byte(cfg)); err == nil || errors.As(err, new(*NewerError)) {
			t.Errorf("%s: %v, want it refused as it is", cfg, err)
		}
	}
}

// TestCheckpointPointsPathAbsolute: WriteCheckpoint writes a points target's
// relative path absolute, from the working directory, so that a run resumed
// from another directory names the file the points came from; the state kept in
// memory (MarshalBinary, Restore) keeps the run's own path. A checkpoint file
// with the path relative, as an earlier ganui wrote it, names the file by its
// absolute path where the file of that name holds the run's points; elsewhere
// it is refused with where to resume it from, not loaded naming another file,
// or none, as the run's (TestRelativePointsCheckpointRefusedElsewhere).
func TestCheckpointPointsPathAbsolute(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	g := relativePointsRun(t, "pts.csv")
	file := withAnnex(t, g, nil)
	kept, err := g.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	want := "points(" + filepath.Join(dir, "pts.csv") + ")"
	r, _, err := readBytes(kept) // a file with the path relative, read where its run was
	if err != nil || r.Config().Target != want || r.Plane().(Points).Path != filepath.Join(dir, "pts.csv") || r.Epoch() != 2 {
		t.Fatalf("a checkpoint with the path relative, read in its run's directory: %v", err)
	}
	if !slices.Equal(r.Plane().(Points).XY, g.Plane().(Points).XY) {
		t.Error("its points are not the run's")
	}
	t.Chdir(t.TempDir()) // no pts.csv here
	if r, _, err := readBytes(file); err != nil || r.Config().Target != want {
		t.Fatalf("the checkpoint read elsewhere: %v; want target %s", err, want)
	}
	if r, err := Restore(kept); err != nil || r.Config().Target != "points(pts.csv)" {
		t.Fatalf("the state kept in memory, restored elsewhere: %v", err)
	}
}

// relativePointsRun is a run of ring's design on points(name), its
// path relative, a file of three points it writes in the current
// directory, trained 2 epochs.
func relativePointsRun(t *testing.T, name string) *GAN {
	t.Helper()
	if err := os.WriteFile(name, []byte("0,0\n1,1\n2,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := ringConfig()
	cfg.Target = "points(" + name + ")"
	g := mustNew(t, cfg, 3)
	train(t, g, 2)
	return g
}

// TestRelativePointsCheckpointRefusedElsewhere: a checkpoint file that names
// its points file relative to its run's directory (an earlier ganui's) is
// refused where the file of that name is missing or holds other points, saying
// so and where to resume it from, not loaded there naming that file, or none,
// as the run's, refusing it as an output and taking the points file itself
// (../data/pts.csv) as one. The file is named as a shell reads it back,
// 'my pts.csv', as every message names a file.
func TestRelativePointsCheckpointRefusedElsewhere(t *testing.T) {
	t.Chdir(t.TempDir())
	g := relativePointsRun(t, "my pts.csv")
	kept, err := g.MarshalBinary() // the path relative, as an earlier ganui wrote it to a file
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	for _, c := range []struct{ data, here string }{
		{"", "does not exist"},
		{"0,0\n1,1\n2,1\n", "holds other points"},
		{"0,0,0\n", "is not it ("},
	} {
		if c.data != "" {
			if err := os.WriteFile("my pts.csv", []byte(c.data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		_, _, err := readBytes(kept)
		want := "it names its points file 'my pts.csv' relative to the directory its run was in, as an older ganui wrote it, and 'my pts.csv' here " + c.here
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasSuffix(err.Error(), ": resume it from the directory the run was in") {
			t.Errorf("'my pts.csv' here %q: %v; want %q", c.data, err, want)
		}
	}
}

// TestCheckpointRangesGrouped: a damaged checkpoint's count out of its range is
// said with the range, both grouped as the flags' and settings' messages group
// them (numtext.Range): an epoch past the most does not read "epoch 1000000001
// out of range 0..1000000000".
func TestCheckpointRangesGrouped(t *testing.T) {
	good := validCheckpoint(t)
	at := headerLen
	at += 4 + int(binary.LittleEndian.Uint32(good[at:])) // the configuration
	at += 8                                              // the seed
	if e := binary.LittleEndian.Uint64(good[at:]); e != 3 {
		t.Fatalf("epoch %d at byte %d, want 3", e, at)
	}
	bad := slices.Clone(good[:len(good)-sha256.Size])
	binary.LittleEndian.PutUint64(bad[at:], MaxEpochs+1)
	sum := sha256.Sum256(bad)
	want := "its epoch, " + byteSpan(uint64(at+1), 8) + ", is 1,000,000,001, out of range 0..1,000,000,000"
	if _, err := Restore(append(bad, sum[:]...)); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("an epoch past the most: %v, want it to say %q", err, want)
	}
}

// TestCheckpointSizeIsWhatIsWritten: CheckpointSize is the length of the
// checkpoint WriteCheckpoint writes, with an annex or without, before
// training and after, for designs with and without the parts a design
// may leave out (historical means, G's moving average, SGD's buffer):
// a front end makes room for the checkpoint by it before the first epoch
// (outputfile.Reserve).
func TestCheckpointSizeIsWhatIsWritten(t *testing.T) {
	full := blogConfig()
	full.GHistAvg, full.DHistAvg, full.GEMA, full.DOpt = 0.1, 0.1, 0.99, OptimizerSGD
	for _, cfg := range []Config{blogConfig(), full} {
		g := mustNew(t, cfg, 1)
		for _, epochs := range []int{0, 3} {
			train(t, g, epochs)
			for _, annex := range []int{0, 1000} {
				size, err := g.CheckpointSize(annex)
				if got := len(withAnnex(t, g, make([]byte, annex))); err != nil || size != int64(got) {
					t.Fatalf("%s after %d epochs, annex %d: CheckpointSize %d, %v; written %d", cfg.Name, g.Epoch(), annex, size, err, got)
				}
			}
		}
	}
}
