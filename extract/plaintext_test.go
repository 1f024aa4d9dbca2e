package extract

import (
	"os"
	"strings"
	"testing"
)

func TestExtractTextSeed(t *testing.T) {
	data, err := os.ReadFile("../testdata/seed/moscow-times-syria-dialogue.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(data, &Options{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Russia Says Syrian Opposition Should Seek Dialogue"; a.Title != want {
		t.Errorf("title = %q, want %q", a.Title, want)
	}
	paras := strings.Split(a.Body, "\n\n")
	if len(paras) != 6 {
		t.Errorf("body has %d paragraphs, want 6:\n%s", len(paras), a.Body)
	}
	if !strings.HasPrefix(a.Body, "Russia said Monday") || !strings.HasSuffix(a.Body, "would be borne out.") {
		t.Errorf("body runs from %.40q to %.40q", a.Body, a.Body[max(0, len(a.Body)-40):])
	}
	for _, bad := range []string{"Support The Moscow Times", "Related articles", "small favor", "As you may have heard", "Continue", "Read more"} {
		if strings.Contains(a.Body, bad) {
			t.Errorf("body contains %q", bad)
		}
	}
	rules := map[string]bool{}
	for _, r := range a.Removed {
		rules[r.Rule] = true
	}
	for _, want := range []string{ruleAppeal, ruleReadMore, ruleTailAppeal} {
		if !rules[want] {
			t.Errorf("no removal with rule %q in %+v", want, a.Removed)
		}
	}
}

func TestExtractText(t *testing.T) {
	tests := []struct {
		name, in string
		title    string
		body     []string
	}{
		{
			name:  "headline and paragraphs",
			in:    "City Council Approves New Budget\n\nThe council voted 7-2 on Tuesday to approve the budget.\nIt takes effect in July.\n\nThe mayor praised the vote.",
			title: "City Council Approves New Budget",
			body:  []string{"The council voted 7-2 on Tuesday to approve the budget. It takes effect in July.", "The mayor praised the vote."},
		},
		{
			name:  "one paragraph per line without blank lines",
			in:    "Storm Hits Coast\nThe storm reached the coast on Monday night, officials said.\nThousands lost power.",
			title: "Storm Hits Coast",
			body:  []string{"The storm reached the coast on Monday night, officials said.", "Thousands lost power."},
		},
		{
			name:  "byline and date lines",
			in:    "Storm Hits Coast\n\nBy Jane Roe\n\nPublished November 19, 2019\n\nThe storm reached the coast on Monday night, officials said.",
			title: "Storm Hits Coast",
			body:  []string{"The storm reached the coast on Monday night, officials said."},
		},
		{
			name: "no headline",
			in:   "The council voted 7-2 on Tuesday to approve the budget.\n\nThe mayor praised the vote.",
			body: []string{"The council voted 7-2 on Tuesday to approve the budget.", "The mayor praised the vote."},
		},
		{
			name:  "read more and share lines",
			in:    "Flooding Closes Roads\n\nHeavy rain flooded several roads on Monday, officials said.\n\nRead more: Storm warnings issued for the coast\n\nOfficials expect the water to recede by Wednesday.\n\nShare on Facebook\n\nTweet",
			title: "Flooding Closes Roads",
			body:  []string{"Heavy rain flooded several roads on Monday, officials said.", "Officials expect the water to recede by Wednesday."},
		},
		{
			name:  "German appeal at the tail",
			in:    "Neue Brücke eröffnet\n\nDie neue Brücke über den Fluss wurde am Montag eröffnet, teilte die Stadt mit.\n\nDer Bau hatte drei Jahre gedauert.\n\nLesen Sie auch: Stadt plant neuen Radweg\n\nUnterstützen Sie unabhängigen Journalismus: Jetzt abonnieren!\n\nNur mit Ihrer Hilfe können wir weiter berichten.",
			title: "Neue Brücke eröffnet",
			body:  []string{"Die neue Brücke über den Fluss wurde am Montag eröffnet, teilte die Stadt mit.", "Der Bau hatte drei Jahre gedauert."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ExtractText(tt.in, nil)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if got, want := a.Body, strings.Join(tt.body, "\n\n"); got != want {
				t.Errorf("body =\n%s\nwant\n%s", got, want)
			}
		})
	}
}
