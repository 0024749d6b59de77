package engine

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"slices"
	"testing"
)

// TestResumeIsBitIdentical: training 2n epochs straight equals training n,
// saving, restoring and training n more, in weights, optimizer state and
// loss history, including settings retuned before the save.
func TestResumeIsBitIdentical(t *testing.T) {
	configs := map[string]Config{"blog": blogConfig()}
	sgd := blogConfig()
	sgd.DOpt, sgd.DMomentum, sgd.DLR = OptimizerSGD, 0.9, 1e-3
	configs["sgd"] = sgd
	for name, cfg := range configs {
		t.Run(name, func(t *testing.T) {
			const n = 300
			straight := mustNew(t, cfg, 11)
			straight.SetLR(G, 5e-4)
			want := train(t, straight, 2*n)

			first := mustNew(t, cfg, 11)
			first.SetLR(G, 5e-4)
			got := train(t, first, n)
			data, err := first.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			resumed, err := Restore(data)
			if err != nil {
				t.Fatal(err)
			}
			if resumed.Epoch() != n || resumed.Config().GLR != 5e-4 {
				t.Fatalf("resumed at epoch %d with g_lr %g, want %d and 5e-4", resumed.Epoch(), resumed.Config().GLR, n)
			}
			got = append(got, train(t, resumed, n)...)
			if !slices.Equal(got, want) {
				t.Fatal("resumed loss history differs from the straight run")
			}
			if !slices.Equal(resumed.gen.Params, straight.gen.Params) || !slices.Equal(resumed.disc.Params, straight.disc.Params) {
				t.Fatal("resumed weights differ from the straight run")
			}
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
	// Every truncation is caught, not just the halfway one.
	for n := 0; n < len(good); n += 997 {
		if _, err := Restore(good[:n]); err == nil {
			t.Fatalf("a checkpoint cut to %d bytes loaded", n)
		}
	}
}


// FuzzRestore: no input makes the checkpoint reader panic; anything it
// accepts encodes back to the same bytes.
func FuzzRestore(f *testing.F) {
	good := validCheckpoint(f)
	f.Add(good)
	f.Add(good[:headerLen])
	f.Add([]byte(checkpointMagic))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Restore(data)
		if err != nil {
			return
		}
		again, err := g.MarshalBinary()
		if err != nil || !slices.Equal(again, data) {
			t.Fatal("a restored checkpoint does not re-encode to its bytes")
		}
	})
}
