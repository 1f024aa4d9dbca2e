package quotes

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestDebugDoc(t *testing.T) {
	id := os.Getenv("QDEBUG")
	if id == "" {
		t.Skip()
	}
	for _, d := range loadDev(t) {
		if !strings.HasPrefix(d.ID, id) {
			continue
		}
		paras := strings.Split(d.Text, "\n\n")
		a := newArticle(paras, nil)
		a.attributeAll()
		for pi, p := range a.paras {
			for _, s := range p.sents {
				var b strings.Builder
				for _, tk := range p.toks[s[0]:s[1]] {
					if tk.kind == tQuote {
						if tk.term {
							b.WriteString("[T:" + tk.text + "] ")
						} else {
							b.WriteString("[Q] ")
						}
						continue
					}
					b.WriteString(tk.text + " ")
				}
				t.Logf("%d| %s", pi, b.String())
			}
		}
		for _, e := range a.ents.list {
			t.Logf("ENT %q org=%v person=%v g=%c titles=%v", e.display, e.org, e.person, e.gender, e.titles)
		}
		for _, h := range a.history {
			t.Logf("HIST p%d speaker=%v %q kind=%c", h.para, h.speaker, h.r.name, h.r.kind)
		}
		for _, q := range Find(paras) {
			b, _ := json.Marshal(q)
			t.Logf("%s", b)
		}
	}
}
