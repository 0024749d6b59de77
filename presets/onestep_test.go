package presets

import (
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ganui/ganui/engine"
)

// TestOneStepFixturesMatch checks that the one-epoch fixtures engine's
// TestOneStepFixture records (engine/testdata/onestep-PRESET.json.gz, the
// epochs bench/torch_onestep.py checks against PyTorch) are of the presets
// they are named after. engine's tests keep their own copies of those
// presets, since they cannot import this package; this is what keeps the
// copies honest.
func TestOneStepFixturesMatch(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "engine", "testdata", "onestep-*.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Skip("no one-epoch fixtures in engine/testdata")
	}
	for _, path := range paths {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(path), "onestep-"), ".json.gz")
		t.Run(name, func(t *testing.T) {
			file, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer file.Close()
			zr, err := gzip.NewReader(file)
			if err != nil {
				t.Fatal(err)
			}
			var fixture struct {
				Config json.RawMessage `json:"config"`
			}
			if err := json.NewDecoder(zr).Decode(&fixture); err != nil {
				t.Fatal(err)
			}
			want, err := Get(name)
			if err != nil {
				t.Fatal(err)
			}
			var got engine.Config
			if err := json.Unmarshal(fixture.Config, &got); err != nil {
				t.Fatal(err)
			}
			// The design must be the preset's; its description and source,
			// which train nothing, may be reworded without new PyTorch fixtures
			// (making a citation exact must not call for them).
			if got.Name != want.Name || len(differences(got, want)) > 0 {
				t.Errorf("%s holds a design other than preset %s's (%v): update onestepConfigs in engine/onestep_test.go and regenerate the fixtures\nfixture %+v\npreset  %+v", path, name, differences(got, want), got, want)
			}
		})
	}
}
