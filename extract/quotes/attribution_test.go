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
			name:  "speech noun with its source",
			paras: []string{`The memo followed instructions from Defence Minister Karl Hess to "leave no stone unturned in the audit."`},
			want:  []want{{"leave no stone unturned in the audit.", "Karl Hess", "instructions"}},
		},
		{
			name: "a poll speaks through its respondents",
			paras: []string{
				`A new Harbor Institute survey of 2,000 adults found wide support for the plan. Sixty percent say that "the city should build the tram before the stadium."`,
			},
			want: []want{{"the city should build the tram before the stadium.", "a new Harbor Institute survey", "say"}},
		},
		{
			name:  "according to X before the quotation",
			paras: []string{`Tom Smith lost his job last week.`, `According to Smith, "the project is over for good."`},
			want:  []want{{"the project is over for good.", "Tom Smith", "According to"}},
		},
		{
			name:  "the company: the organisation the story is about",
			paras: []string{`Acme Corp. apologized on Friday.`, `In a statement, the company said: "We regret the error deeply."`},
			want:  []want{{"We regret the error deeply.", "Acme Corp.", "said"}},
		},
		{
			name:  "indefinite source with its organisation",
			paras: []string{`"We will appeal the ruling," said a spokesman for the family, who declined to be named.`},
			want:  []want{{"We will appeal the ruling,", "a spokesman for the family", "said"}},
		},
		{
			name:  "name in apposition to a description",
			paras: []string{`"We will appeal the ruling," his lawyer, Jane Roe, said.`},
			want:  []want{{"We will appeal the ruling,", "Jane Roe", "said"}},
		},
		{
			name:  "is how X described it",
			paras: []string{`"Dead on arrival in the Senate," is how Mark Jones described the plan.`},
			want:  []want{{"Dead on arrival in the Senate,", "Mark Jones", "described"}},
		},
		{
			name: "pronoun for a person named outside a subject",
			paras: []string{
				`The findings were presented on Monday by Dr. Helen Osei, a cardiologist.`,
				`"We were surprised by how strong the effect was," she said.`,
			},
			want: []want{{"We were surprised by how strong the effect was,", "Helen Osei", "said"}},
		},
		{
			name: "pronoun for a person introduced without a name",
			paras: []string{
				`Reporters spoke to one mother outside the school gates.`,
				`"Nobody told us anything until the evening," she said.`,
			},
			want: []want{{"Nobody told us anything until the evening,", "one mother", "said"}},
		},
		{
			name:  "question mark, then a name and a long appositive",
			paras: []string{`“What is the incentive to sign this deal now?” Lena Brandt, the former trade envoy to the European Union, said on Monday.`},
			want:  []want{{"What is the incentive to sign this deal now?", "Lena Brandt", "said"}},
		},
		{
			name: "the statement speaks for the source that issued it",
			paras: []string{
				`Two soldiers were killed in the crash, the Defence Ministry said in a statement on Wednesday.`,
				`"The cause of the crash is under investigation," the statement said.`,
			},
			want: []want{{"The cause of the crash is under investigation,", "the Defence Ministry", "said"}},
		},
		{
			name:  "French, inverted after an auxiliary, title stripped",
			paras: []string{`« Nous allons étudier le dossier », a déclaré la ministre Élisabeth Borne devant les députés.`},
			want:  []want{{"Nous allons étudier le dossier", "Élisabeth Borne", "a déclaré"}},
		},
		{
			name: "French inverted pronoun resolved",
			paras: []string{
				`Le syndicat, dirigé par Philippe Martinez, a réagi mardi.`,
				`« Nous appellerons à la grève », a-t-il ajouté.`,
			},
			want: []want{{"Nous appellerons à la grève", "Philippe Martinez", "ajouté"}},
		},
		{
			name:  "Spanish, no prepositional phrase in the name",
			paras: []string{`"Vamos a estudiar el expediente", dijo la ministra Raquel Sánchez ante los diputados.`},
			want:  []want{{"Vamos a estudiar el expediente", "Raquel Sánchez", "dijo"}},
		},
		{
			name:  "German compound title and so X",
			paras: []string{`„Das ist ein schwarzer Tag für unsere Stadt“, so Innenministerin Petra Schmidt.`},
			want:  []want{{"Das ist ein schwarzer Tag für unsere Stadt", "Petra Schmidt", "so"}},
		},
		{
			name:  "Portuguese according to with a named appositive",
			paras: []string{`Segundo o ministro da Fazenda, Fernando Haddad, o programa vai custar "cerca de 20 bilhões de reais por ano".`},
			want:  []want{{"cerca de 20 bilhões de reais por ano", "Fernando Haddad", "Segundo"}},
		},
		{
			name:  "Russian dash and verb",
			paras: []string{`«Мы готовы к диалогу без предварительных условий», — сказал министр Сергей Лавров журналистам.`},
			want:  []want{{"Мы готовы к диалогу без предварительных условий", "Сергей Лавров", "сказал"}},
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
