package quotes

import "testing"

// TestGeneralisation covers constructions of news templates outside the
// development set: name particles, numbers inside appositives, roles with
// prepositional phrases, naming verbs, more Romance cues, dropped subjects,
// block quotations with a footer and organisations named in full earlier.
func TestGeneralisation(t *testing.T) {
	for _, c := range []struct {
		name  string
		paras []string
		kinds []Kind
		want  []want
	}{
		{
			name: "lower-case particle inside a name",
			paras: []string{
				`“The river is like a bath,” said Tomas Berglund, a researcher at the institute.`,
				`Annika van der Berg, a chemist at the university, said the results were consistent. “We are seeing most of the extra heat go into the water,” she said.`,
			},
			want: []want{
				{"The river is like a bath,", "Tomas Berglund", "said"},
				{"We are seeing most of the extra heat go into the water,", "Annika van der Berg", "said"},
			},
		},
		{
			name:  "thousands separator inside an appositive",
			paras: []string{`Others disagreed. Walt Emmer, who runs 4,500 cattle, said the plan was "a gift to people who have never worked a ranch."`},
			want:  []want{{"a gift to people who have never worked a ranch.", "Walt Emmer", "said"}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkQuotes(t, c.paras, FindWith(c.paras, &Options{Kinds: c.kinds}), c.want)
		})
	}
}
