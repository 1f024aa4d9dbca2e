package quotes

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// splitParas reads a fixture: paragraphs separated by blank lines.
func splitParas(text string) []string {
	var paras []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return paras
}

// TestGolden runs Find on testdata/golden/*.txt and compares the JSON with
// the .json beside each input; -update rewrites them.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/golden/*.txt")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(Find(splitParas(string(text))), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(in, ".txt") + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from Find's output:\n%s", golden, got)
			}
		})
	}
}

// TestSeed is the acceptance case: the six news paragraphs of the
// Moscow Times seed page give exactly the Foreign Ministry's quotation and
// Gennady Gatilov's.
func TestSeed(t *testing.T) {
	text, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	paras := splitParas(string(text))
	if len(paras) != 6 {
		t.Fatalf("seed has %d paragraphs, want 6", len(paras))
	}
	got := Find(paras)
	checkQuotes(t, paras, got, []want{
		{"main criterion ... remains the readiness of such alliances to act on the platform of a peaceful resolution of the conflict by Syrians themselves, without external interference, through dialogue and negotiations,", "the Foreign Ministry", "said"},
		{"Unification of the Syrian opposition can be helpful if it enters into political dialogue with the government.", "Gennady Gatilov", "said"},
	})
	if len(got) == 2 && got[1].SpeakerMention != "" && got[1].SpeakerMention != "Deputy Foreign Minister Gennady Gatilov" {
		t.Errorf("Gatilov's speaker_mention = %q", got[1].SpeakerMention)
	}
}

func TestFindEmpty(t *testing.T) {
	for _, paras := range [][]string{nil, {}, {""}, {"No quotations here."}, {`"`, `“`, `«`}} {
		got := Find(paras)
		if got == nil || len(got) != 0 {
			t.Errorf("Find(%q) = %#v, want an empty, non-nil slice", paras, got)
		}
	}
}

func TestQuoteJSON(t *testing.T) {
	sp := "Ines Vidal"
	b, err := json.Marshal([]Quote{
		{Text: "a b c", Speaker: &sp, Cue: "said", Paragraph: 2},
		{Text: "d e f", Paragraph: 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"text":"a b c","speaker":"Ines Vidal","cue":"said","paragraph":2},{"text":"d e f","speaker":null,"paragraph":3}]`
	if string(b) != want {
		t.Errorf("json = %s\nwant   %s", b, want)
	}
}

func TestFindWithKinds(t *testing.T) {
	paras := []string{
		`The minister, Ruth Adeyemi, wrote to the council on Monday:`,
		`We cannot accept a budget that closes three libraries in a single year.`,
		`"Libraries are where this city learns to read," Adeyemi said at the meeting.`,
		`"Libraries are where this city learns to read"`,
		`Readers are the city's future`,
	}
	got := FindWith(paras, &Options{Kinds: []Kind{Prose, Blockquote, Prose, PullQuote, PullQuote}})
	checkQuotes(t, paras, got, []want{
		{"We cannot accept a budget that closes three libraries in a single year.", "Ruth Adeyemi", "wrote"},
		{"Libraries are where this city learns to read,", "Ruth Adeyemi", "said"},
		{"Readers are the city's future", "Ruth Adeyemi", ""},
	})
	// without kinds the block quotation and the unmarked pull quote are
	// prose, and the marked pull quote is dropped as an exact repeat
	checkQuotes(t, paras, Find(paras), []want{
		{"Libraries are where this city learns to read,", "Ruth Adeyemi", "said"},
	})
}
