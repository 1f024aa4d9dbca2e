package quotes

import (
	"strings"
	"testing"
)

// BenchmarkFind runs Find on every article of the quotation dev set (31
// news articles, 3,400 characters on average); ns/op is per article.
func BenchmarkFind(b *testing.B) {
	docs := loadDev(b)
	articles := make([][]string, len(docs))
	for i, d := range docs {
		articles[i] = strings.Split(d.Text, "\n\n")
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Find(articles[i%len(articles)])
		i++
	}
}

// BenchmarkFindLarge checks that Find stays linear on a long input: one
// paragraph of 2,000 quoted sentences and 2,000 paragraphs of prose.
func BenchmarkFindLarge(b *testing.B) {
	one := strings.Repeat(`"We will keep going until the job is done," Ann Lee said, and the crowd cheered "for a long time." `, 2000)
	many := make([]string, 2000)
	for i := range many {
		many[i] = `The Mayor of Springfield, John Smith, said the city "will never give up on its people," adding that he was proud.`
	}
	b.ReportAllocs()
	for b.Loop() {
		Find([]string{one})
		Find(many)
	}
}

// BenchmarkTokenize tokenizes every paragraph of the quotation dev set,
// folding the words into one arena as newArticle does; ns/op is per pass
// over the 31 articles.
func BenchmarkTokenize(b *testing.B) {
	docs := loadDev(b)
	var paras []string
	for _, d := range docs {
		paras = append(paras, strings.Split(d.Text, "\n\n")...)
	}
	b.ReportAllocs()
	var toks []token
	for b.Loop() {
		low := &textArena{}
		for _, p := range paras {
			toks = appendWordsFold(toks[:0], p, low)
		}
	}
}
