package bench

import (
	"errors"
	"slices"
	"testing"
	"time"

	"byline/extract"
	"byline/extract/quotes"
	"byline/internal/score"
)

func TestFromArticle(t *testing.T) {
	who := "Gennady Gatilov"
	a := &extract.Article{
		Title:     "T",
		Body:      "One.\n\nTwo.",
		SiteName:  "S",
		Published: time.Date(2012, 11, 12, 18, 43, 0, 0, time.FixedZone("", 4*3600)),
		Quotes:    []quotes.Quote{{Text: "q words here", Speaker: &who, Cue: "said", Paragraph: 1}},
	}
	p := FromArticle("x", a, nil)
	if p.Published != "2012-11-12T18:43:00+04:00" || p.Authors == nil || len(p.Quotes) != 1 || p.Error != "" {
		t.Errorf("FromArticle = %+v", p)
	}
	d := p.Doc()
	if score.BodyOf(d) != a.Body || d["title"] != "T" || d["published"] != p.Published {
		t.Errorf("Doc() = %v", d)
	}
	if authors, ok := d["authors"].([]any); !ok || len(authors) != 0 {
		t.Errorf(`Doc()["authors"] = %#v, want an empty list`, d["authors"])
	}

	failed := FromArticle("y", nil, errors.New("boom"))
	if failed.Error != "boom" || failed.Body != "" || failed.Authors == nil || failed.Quotes == nil {
		t.Errorf("FromArticle(nil, err) = %+v", failed)
	}
	if d := FromArticle("z", &extract.Article{}, nil).Doc(); d["published"] != "" {
		t.Errorf("unknown date: published = %v, want empty", d["published"])
	}
}

func TestWorst(t *testing.T) {
	pages := []score.Page{
		{ID: "good", TP: 1, Precision: 1, Recall: 1},
		{ID: "empty", FN: 1},
		{ID: "half", TP: 0.5, FP: 0.5, Precision: 0.5, Recall: 1},
		{ID: "empty-too", FN: 1},
	}
	var got []string
	for _, p := range Worst(pages, 3) {
		got = append(got, p.ID)
	}
	if want := []string{"empty", "empty-too", "half"}; !slices.Equal(got, want) {
		t.Errorf("Worst = %q, want %q", got, want)
	}
	if n := len(Worst(pages, 10)); n != len(pages) {
		t.Errorf("Worst(10) of 4 pages gave %d", n)
	}
}

func TestScoreQuotesReportsMissing(t *testing.T) {
	gold := score.NewQuoteDocs()
	gold.Add("a", []score.Quote{{Text: "one two three four", Speaker: "Ann"}})
	gold.Add("b", []score.Quote{{Text: "five six seven eight", Speaker: "Bo"}})
	ann := "Ann Lee"
	preds := []Prediction{{ID: "a", Quotes: []Quote{{Text: "one two three four", Speaker: &ann}}}}
	q, missing, err := ScoreQuotes(gold, preds)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(missing, []string{"b"}) || q.Counts.Matched != 1 || q.Counts.SpeakerOK != 1 || q.Counts.Gold != 2 {
		t.Errorf("missing %q, counts %+v", missing, q.Counts)
	}
	if _, _, err := ScoreQuotes(gold, append(preds, preds[0])); err == nil {
		t.Error("duplicate prediction ids: no error")
	}
}
