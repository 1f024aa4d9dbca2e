package quotes

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestExplore prints Find's output on the JSONL file named by QEXPLORE
// (records with "id" and "text"), for reading by eye.
func TestExplore(t *testing.T) {
	path := os.Getenv("QEXPLORE")
	if path == "" {
		t.Skip()
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d devDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		paras := strings.Split(d.Text, "\n")
		if strings.Contains(d.Text, "\n\n") {
			paras = strings.Split(d.Text, "\n\n")
		}
		t.Logf("===== %s", d.ID[:10])
		for _, q := range Find(paras) {
			sp := "<nil>"
			if q.Speaker != nil {
				sp = *q.Speaker
			}
			t.Logf("  [%s] %q <%s> (%s) %.90q", sp, q.SpeakerMention, q.Cue, "", q.Text)
		}
	}
}
