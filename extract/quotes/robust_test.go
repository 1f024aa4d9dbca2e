package quotes

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestRobustness feeds Find deterministic damage of real articles: cuts at
// arbitrary bytes (inside characters too), marks dropped or doubled, and
// paragraphs glued together; it checks the invariants FuzzFind checks.
func TestRobustness(t *testing.T) {
	docs := loadDev(t)
	rng := rand.New(rand.NewPCG(1, 2))
	marks := []string{`"`, "“", "”", "‘", "’", "'", "«", "»", "„", "「", "」"}
	for round := 0; round < 300; round++ {
		text := docs[rng.IntN(len(docs))].Text
		a, b := rng.IntN(len(text)), rng.IntN(len(text))
		if a > b {
			a, b = b, a
		}
		s := text[a:b]
		for k := rng.IntN(6); k > 0 && len(s) > 0; k-- {
			i := rng.IntN(len(s))
			switch rng.IntN(3) {
			case 0:
				s = s[:i] + marks[rng.IntN(len(marks))] + s[i:]
			case 1:
				s = s[:i] + s[i+1:]
			default:
				s = strings.Replace(s, "\n\n", " ", 1)
			}
		}
		paras := strings.Split(s, "\n\n")
		for _, q := range Find(paras) {
			if q.Paragraph < 0 || q.Paragraph >= len(paras) || !strings.Contains(paras[q.Paragraph], q.Text) {
				t.Fatalf("round %d: quote %q not in paragraph %d", round, q.Text, q.Paragraph)
			}
		}
	}
}

// TestRandomMarks runs Find on deterministic random strings made of marks,
// words and punctuation, where mark pairing is most tangled.
func TestRandomMarks(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{`"`, "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "「", "」", "『", "』", "`", "‚",
		" ", " ", " ", "a", "He", "said", "told", "the", "Ann", "Lee", ",", ".", ":", "(", ")", "—", "\n\n", "s", "9", "中"}
	for round := 0; round < 3000; round++ {
		var b strings.Builder
		for n := rng.IntN(60); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		paras := strings.Split(s, "\n\n")
		for _, q := range Find(paras) {
			if q.Paragraph < 0 || q.Paragraph >= len(paras) || !strings.Contains(paras[q.Paragraph], q.Text) {
				t.Fatalf("input %q: quote %q not in paragraph %d", s, q.Text, q.Paragraph)
			}
		}
	}
}
