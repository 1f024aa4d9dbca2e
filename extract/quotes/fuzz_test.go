package quotes

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that Find never panics, returns quotations that are text
// of the paragraph they name, and copes with any mix of marks.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`"We will win," she said.`,
		"“A,” he said, “B.”\n\nShe added: «C d e.»",
		"\"Open\n\n\"Still open\n\n\"Closed,\" said Ann Lee.",
		`‘Single,’ said Bo. 'Straight,' said Cy. Don’t ’90s 6" 12'`,
		`„Wir schaffen das“, sagte sie. ‹Oui› 「我们会继续努力」 『x』`,
		`"""""“““”””‘‘’’«««»»»`,
		`According to the ministry, the plan is "a good start for everyone."`,
		`X, Y, Z, said "a b c" , , : : " ; — -- ... the the "`,
		"\"\x00\xff\xfe\" said \u200b \"invalid utf8 \xc3\x28 here\"",
		strings.Repeat(`"a b c," he said. `, 50),
		`'He said "no way at all" to me,' said Ann. ‘Told “never again, friend” and left,’ she said.`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		paras := strings.Split(s, "\n\n")
		got := Find(paras)
		if got == nil {
			t.Fatal("Find returned nil")
		}
		for _, q := range got {
			if q.Paragraph < 0 || q.Paragraph >= len(paras) {
				t.Fatalf("paragraph %d out of range", q.Paragraph)
			}
			if !strings.Contains(paras[q.Paragraph], q.Text) {
				t.Fatalf("text %q not in paragraph %d", q.Text, q.Paragraph)
			}
			if utf8.ValidString(paras[q.Paragraph]) && !utf8.ValidString(q.Text) {
				t.Fatalf("text %q cut inside a character", q.Text)
			}
		}
	})
}
