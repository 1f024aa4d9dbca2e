package quotes

import (
	"strings"
	"testing"
)

// want is one expected quotation: its text, speaker ("" for null) and cue.
type want struct {
	text, speaker, cue string
}

func checkQuotes(t *testing.T, paras []string, got []Quote, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Errorf("got %d quotes, want %d:\n%s", len(got), len(wants), dump(got))
		return
	}
	for i, w := range wants {
		q := got[i]
		sp := ""
		if q.Speaker != nil {
			sp = *q.Speaker
		}
		if q.Text != w.text || sp != w.speaker || q.Cue != w.cue {
			t.Errorf("quote %d = {%q, %q, %q}, want {%q, %q, %q}", i, q.Text, sp, q.Cue, w.text, w.speaker, w.cue)
		}
		if q.Paragraph < 0 || q.Paragraph >= len(paras) || !strings.Contains(paras[q.Paragraph], q.Text) {
			t.Errorf("quote %d: text not in paragraph %d", i, q.Paragraph)
		}
	}
}

func dump(qs []Quote) string {
	var b strings.Builder
	for _, q := range qs {
		sp := "<nil>"
		if q.Speaker != nil {
			sp = *q.Speaker
		}
		b.WriteString("  " + q.Text + " | " + sp + " | " + q.Cue + "\n")
	}
	return b.String()
}

// TestAttributionPatterns covers where and how news prose names the source
// of a quotation. Each case is one short article.
func TestAttributionPatterns(t *testing.T) {
	for _, c := range []struct {
		name  string
		paras []string
		want  []want
	}{
		{
			name:  "after, name verb",
			paras: []string{`“We will rebuild the bridge by spring,” Maria Lopez said on Tuesday.`},
			want:  []want{{"We will rebuild the bridge by spring,", "Maria Lopez", "said"}},
		},
		{
			name:  "after, inverted with title and appositive",
			paras: []string{`"Prices will keep rising this winter," said Anna Berg, chief economist at Nordbank.`},
			want:  []want{{"Prices will keep rising this winter,", "Anna Berg", "said"}},
		},
		{
			name:  "after, name with appositive before the verb",
			paras: []string{`"The vote was never in doubt," Tom Reyes, the party's chief whip, told reporters.`},
			want:  []want{{"The vote was never in doubt,", "Tom Reyes", "told"}},
		},
		{
			name:  "after, adverb before the verb",
			paras: []string{`“Can we start again from the beginning?” Ruth Amsel quietly asked.`},
			want:  []want{{"Can we start again from the beginning?", "Ruth Amsel", "asked"}},
		},
		{
			name:  "before, colon",
			paras: []string{`Health Minister Olga Petrova said on the radio: "Hospitals have enough beds for now."`},
			want:  []want{{"Hospitals have enough beds for now.", "Olga Petrova", "said"}},
		},
		{
			name:  "before, comma with object",
			paras: []string{`Coach Dan Ebert told the players, "Nobody leaves until the drill is right."`},
			want:  []want{{"Nobody leaves until the drill is right.", "Dan Ebert", "told"}},
		},
		{
			name:  "inside, partial quote after that",
			paras: []string{`Senator Lisa Hart said the bill would "hurt the families who need help most" and vowed to oppose it.`},
			want:  []want{{"hurt the families who need help most", "Lisa Hart", "said"}},
		},
		{
			name: "pronoun resolved to the full name",
			paras: []string{
				`Mayor Carla Jensen opened the new library on Monday.`,
				`"Every child in this city deserves a place to read," she said.`,
			},
			want: []want{{"Every child in this city deserves a place to read,", "Carla Jensen", "said"}},
		},
		{
			name: "surname resolved to the full name, introduced later",
			paras: []string{
				`"We expect the first flights in June," Okafor said.`,
				`Airline chief executive Emeka Okafor announced the route last year.`,
			},
			want: []want{{"We expect the first flights in June,", "Emeka Okafor", "said"}},
		},
		{
			name: "role resolved to the person introduced with it",
			paras: []string{
				`The company's founder, Priya Natarajan, stepped down last week.`,
				`"I leave it in good hands," the founder said.`,
			},
			want: []want{{"I leave it in good hands,", "Priya Natarajan", "said"}},
		},
		{
			name: "organisation and its short form",
			paras: []string{
				`The Interior Ministry issued a statement on Friday.`,
				`"Border checks will be lifted at midnight," the ministry said.`,
			},
			want: []want{{"Border checks will be lifted at midnight,", "the Interior Ministry", "said"}},
		},
		{
			name:  "according to",
			paras: []string{`The plant will close in March, according to the Energy Department, which called it "a difficult but necessary step."`},
			want:  []want{{"a difficult but necessary step.", "the Energy Department", "called"}},
		},
		{
			name:  "according to, partial",
			paras: []string{`The team was "not ready for a season this long," according to the club's statement.`},
			want:  []want{{"not ready for a season this long,", "the club's statement", "according to"}},
		},
		{
			name: "across sentences: a follow-on quote",
			paras: []string{
				`"The harvest was the worst in ten years," said farmer Joe Platt.`,
				`"We lost almost everything to the frost."`,
			},
			want: []want{
				{"The harvest was the worst in ten years,", "Joe Platt", "said"},
				{"We lost almost everything to the frost.", "Joe Platt", ""},
			},
		},
		{
			name:  "split by its attribution",
			paras: []string{`"The first half was poor," manager Sean Doyle admitted, "but the second was the best we have played."`},
			want: []want{
				{"The first half was poor,", "Sean Doyle", "admitted"},
				{"but the second was the best we have played.", "Sean Doyle", "admitted"},
			},
		},
		{
			name:  "participle after a verb",
			paras: []string{`Fire chief Mark Olsen said the blaze was contained, adding, "Crews will stay on site overnight."`},
			want:  []want{{"Crews will stay on site overnight.", "Mark Olsen", "adding"}},
		},
		{
			name:  "unnamed source keeps its description",
			paras: []string{`"He ran straight into the water," a witness told the local radio station.`},
			want:  []want{{"He ran straight into the water,", "a witness", "told"}},
		},
		{
			name: "statement speaks for its author",
			paras: []string{
				`Harbor Freight Lines denied the claims on Sunday.`,
				`"We have always followed the safety rules," it said in a statement.`,
			},
			want: []want{{"We have always followed the safety rules,", "Harbor Freight Lines", "said"}},
		},
		{
			name:  "words relayed by a second source",
			paras: []string{`The caller then said, "you will regret this decision," the police report said.`},
			want:  []want{{"you will regret this decision,", "the caller", "said"}},
		},
		{
			name: "across sentences: the person just introduced",
			paras: []string{
				`"Turnout was low," said the election officer, Marta Diaz.`,
				`Councillor Brian Holt was blunt. "This result changes nothing for the budget."`,
			},
			want: []want{
				{"Turnout was low,", "Marta Diaz", "said"},
				{"This result changes nothing for the budget.", "Brian Holt", ""},
			},
		},
		{
			name:  "epigraph with a dash",
			paras: []string{`“He wrote the way other people breathe, and never stopped to ask why.” — Laura Finch`},
			want:  []want{{"He wrote the way other people breathe, and never stopped to ask why.", "Laura Finch", "—"}},
		},
		{
			name:  "company suffix inside an appositive",
			paras: []string{`Omar Haddad, head of sales for Veltro Systems, Inc., says: “Hospitals want fewer alarms, not more.”`},
			want:  []want{{"Hospitals want fewer alarms, not more.", "Omar Haddad", "says"}},
		},
		{
			name:  "role and name before a long appositive",
			paras: []string{`"The signal was there all along," study lead author Kenji Mori, a physicist at the Tokai Institute, Japan, said in a statement.`},
			want:  []want{{"The signal was there all along,", "Kenji Mori", "said"}},
		},
		{
			name:  "party and state in parentheses",
			paras: []string{`"This bill will not pass the Senate," Sen. Ann Lee (D-Calif.) said Thursday.`},
			want:  []want{{"This bill will not pass the Senate,", "Ann Lee", "said"}},
		},
		{
			name:  "as X put it",
			paras: []string{`As the mayor, Joan Pike, put it: "We fix the roads or we lose the town."`},
			want:  []want{{"We fix the roads or we lose the town.", "Joan Pike", "put it"}},
		},
		{
			name: "pronoun skips a person of the other gender",
			paras: []string{
				`Judge Helen Marsh questioned the defendant, Paul Wren, for an hour. She then read the verdict aloud.`,
				`"This court has heard enough," she said.`,
			},
			want: []want{{"This court has heard enough,", "Helen Marsh", "said"}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkQuotes(t, c.paras, Find(c.paras), c.want)
		})
	}
}
