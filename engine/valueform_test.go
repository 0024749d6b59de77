package engine_test

import (
	"reflect"
	"testing"

	"github.com/ganui/ganui/engine"
	"github.com/ganui/ganui/presets"
)

// TestValueFormsExampleIsTaken: every key's ValueForm gives a form and
// an example, the design's own value, that Set takes back as that value
// on every preset's design, so that a refusal quoting it offers a value
// that works.
func TestValueFormsExampleIsTaken(t *testing.T) {
	for _, c := range presets.All() {
		for _, key := range engine.ConfigKeys() {
			form, example, err := c.ValueForm(key)
			if err != nil || form == "" {
				t.Errorf("%s: ValueForm(%q) = %q, %q, %v", c.Name, key, form, example, err)
				continue
			}
			probe := c.Clone()
			if err := probe.Set(key, example); err != nil {
				t.Errorf("%s: %s=%s, ValueForm's example, is refused: %v", c.Name, key, example, err)
			} else if !reflect.DeepEqual(probe, c) {
				t.Errorf("%s: %s=%s, ValueForm's example, changes the design", c.Name, key, example)
			}
		}
	}
	var c engine.Config
	if _, _, err := c.ValueForm("nope"); err == nil {
		t.Error("ValueForm of an unknown key gave a form")
	}
}
