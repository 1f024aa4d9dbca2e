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
		{
			name:  "German description, then the name after a comma",
			paras: []string{`Die Pendler sind wütend. „Die Geduld der Fahrgäste ist am Ende“, sagte die Vorsitzende von Pro Rad, Helga Brünner.`},
			want:  []want{{"Die Geduld der Fahrgäste ist am Ende", "Helga Brünner", "sagte"}},
		},
		{
			name:  "Russian role with phrases between the verb and the name",
			paras: []string{`«Мост откроют в срок», — сообщил на пресс-конференции министр транспорта по вопросам дорожного строительства Игорь Смирнов.`},
			want:  []want{{"Мост откроют в срок", "Игорь Смирнов", "сообщил"}},
		},
		{
			name:  "a place after the source's phrase is no name",
			paras: []string{`"We will appeal the ruling," said a spokesman for the company in New York.`},
			want:  []want{{"We will appeal the ruling,", "a spokesman for the company", "said"}},
		},
		{
			name:  "called as a naming verb, calls it as a cue",
			paras: []string{`In the valley, a forum called Valley Voices has 2,000 members, though its moderator, a retired nurse named Ellen Price, calls it “a noisy room with a few good ideas.”`},
			want:  []want{{"a noisy room with a few good ideas.", "Ellen Price", "calls"}},
		},
		{
			name:  "German nannte with a compound role",
			paras: []string{`Die Kritik war scharf. Finanzvorstand Jörg Albers nannte den Plan „einen Angriff auf die Beschäftigten“.`},
			want:  []want{{"einen Angriff auf die Beschäftigten", "Jörg Albers", "nannte"}},
		},
		{
			name:  "Spanish object clitic before calificó",
			paras: []string{`La portavoz del grupo, Marta Solís, la calificó de “una reforma hecha a espaldas de los vecinos”.`},
			want:  []want{{"una reforma hecha a espaldas de los vecinos", "Marta Solís", "calificó"}},
		},
		{
			name: "Italian racconta and parla di",
			paras: []string{
				`«Abbiamo perso tutto il raccolto di quest’anno», racconta Giuseppe La Rosa, contadino di Ragusa.`,
				`La Confagricoltura parla di «danni per centinaia di milioni».`,
			},
			want: []want{
				{"Abbiamo perso tutto il raccolto di quest’anno", "Giuseppe La Rosa", "racconta"},
				{"danni per centinaia di milioni", "La Confagricoltura", "parla"},
			},
		},
		{
			name:  "Spanish relata and cuenta",
			paras: []string{`«Lo hemos perdido todo», relata Ana Pérez, vecina del barrio. «No sabemos qué hacer», cuenta su hermano Luis Pérez.`},
			want: []want{
				{"Lo hemos perdido todo", "Ana Pérez", "relata"},
				{"No sabemos qué hacer", "Luis Pérez", "cuenta"},
			},
		},
		{
			name:  "French inverted on with the people around someone",
			paras: []string{`Le ministère n’a pas réagi. « Rien n’est encore tranché à ce jour », confie-t-on dans l’entourage de la ministre.`},
			want:  []want{{"Rien n’est encore tranché à ce jour", "l’entourage de la ministre", "confie"}},
		},
		{
			name: "an unknown verb names its own source",
			paras: []string{
				`«La situazione è grave», ha detto il sindaco, Marco Bellini.`,
				`Gli allevatori sono stanchi. «Abbiamo perso metà del raccolto», sospira Salvatore Lo Monaco, allevatore di Enna.`,
				`“It was the worst night of my life,” Tom Reyes chortled.`,
			},
			want: []want{
				{"La situazione è grave", "Marco Bellini", "ha detto"},
				{"Abbiamo perso metà del raccolto", "Salvatore Lo Monaco", ""},
				{"It was the worst night of my life,", "Tom Reyes", ""},
			},
		},
		{
			name: "dropped subject: the person the previous sentence is about",
			paras: []string{
				`«Non vedevamo una crisi così da anni», ha detto il presidente della Regione, Carlo Ferri.`,
				`Il ministro dell’Agricoltura, Paola Venturi, ha promesso nuovi fondi. «Nessuno resterà senza aiuti», ha dichiarato.`,
			},
			want: []want{
				{"Non vedevamo una crisi così da anni", "Carlo Ferri", "ha detto"},
				{"Nessuno resterà senza aiuti", "Paola Venturi", "ha dichiarato"},
			},
		},
		{
			name: "block quotation with a footer paragraph",
			paras: []string{
				`In Harlow, a forum called Harlow Talks took over, though its moderator, Don Feeney, calls it “a rumour mill with a few good days.”`,
				`We used to know what the council was spending. Now we find out when the tax bill arrives.`,
				`— Marjorie Lane, former Gazette reporter`,
			},
			kinds: []Kind{Prose, Blockquote, Blockquote},
			want: []want{
				{"a rumour mill with a few good days.", "Don Feeney", "calls"},
				{"We used to know what the council was spending. Now we find out when the tax bill arrives.", "Marjorie Lane", "—"},
			},
		},
		{
			name: "block quotation ending with its source after a dash",
			paras: []string{
				`“We will rebuild the pier,” said Mayor Ann Cole.`,
				`The sea took everything we had, and it will take more if we wait. – Joan Pike, harbour master`,
			},
			kinds: []Kind{Prose, Blockquote},
			want: []want{
				{"We will rebuild the pier,", "Ann Cole", "said"},
				{"The sea took everything we had, and it will take more if we wait.", "Joan Pike", "—"},
			},
		},
		{
			name: "single marks: a quotation reopened in the next paragraph",
			paras: []string{
				`Mary Dunn, 61, planted the garden after her husband died.`,
				`'I sat there every morning,' she said. 'It was the only quiet place I had.`,
				`'Then one day it was simply gone. Nobody told me anything.'`,
			},
			want: []want{
				{"I sat there every morning,", "Mary Dunn", "said"},
				{"It was the only quiet place I had.", "Mary Dunn", ""},
				{"Then one day it was simply gone. Nobody told me anything.", "Mary Dunn", ""},
			},
		},
		{
			name: "the alliance: the organisation named in full before",
			paras: []string{
				`The Pacific Shipping Alliance, which represents the carriers, said it was pleased with the deal.`,
				`“This agreement lets our terminals reopen on Monday,” the alliance said.`,
			},
			want: []want{{"This agreement lets our terminals reopen on Monday,", "the Pacific Shipping Alliance", "said"}},
		},
		{
			name: "a described organisation is not the one named before",
			paras: []string{
				`The Senate Commerce Committee approved the bill on Thursday. “This bill puts the burden on the carriers,” said Councilmember Dana Whitfield.`,
				`The wireless trade association said the fines could “punish companies for the crimes of fraudsters.”`,
			},
			want: []want{
				{"This bill puts the burden on the carriers,", "Dana Whitfield", "said"},
				{"punish companies for the crimes of fraudsters.", "the wireless trade association", "said"},
			},
		},
		{
			name: "a noun opening the sentence before a given name",
			paras: []string{
				`Neighbour Laura Pine said she left within minutes. "You hear the sirens and you just grab the dog," she said.`,
				`Экономист Сергей Волков отметил, что решение станет «серьёзным ударом по малому бизнесу».`,
			},
			want: []want{
				{"You hear the sirens and you just grab the dog,", "Laura Pine", "said"},
				{"серьёзным ударом по малому бизнесу", "Сергей Волков", "отметил"},
			},
		},
		{
			name: "a heading quoting the body is no second quotation",
			paras: []string{
				`Moreno: "We start work tomorrow"`,
				`Ana Moreno spoke to supporters in the square after the result was declared.`,
				`"You voted for change, and you will get it," she told the crowd. "We start work tomorrow."`,
			},
			want: []want{
				{"You voted for change, and you will get it,", "Ana Moreno", "told"},
				{"We start work tomorrow.", "Ana Moreno", ""},
			},
		},
		{
			name: "an unknown verb with a description: never the previous speaker",
			paras: []string{
				`“We will rebuild the hall by spring,” said Mayor Ann Cole.`,
				`“It was the worst night of my life,” sobbed one mother outside the hall.`,
				`«Abbiamo perso metà del raccolto», sospira un allevatore di Enna.`,
			},
			want: []want{
				{"We will rebuild the hall by spring,", "Ann Cole", "said"},
				{"It was the worst night of my life,", "one mother", ""},
				{"Abbiamo perso metà del raccolto", "un allevatore", ""},
			},
		},
		{
			name: "a given name ending like a past tense opens the sentence",
			paras: []string{
				`“The ferries are late again,” said Gordon Shanks, a resident.`,
				`Mohammed bin Rashid spoke on Tuesday. “We are doing everything we can,” he said.`,
			},
			want: []want{
				{"The ferries are late again,", "Gordon Shanks", "said"},
				{"We are doing everything we can,", "Mohammed bin Rashid", "said"},
			},
		},
		{
			name:  "block quotation footer after a horizontal bar",
			paras: []string{`The river has never been this low in living memory.`, `― Ruth Okoro, ferry pilot`},
			kinds: []Kind{Blockquote, Prose},
			want:  []want{{"The river has never been this low in living memory.", "Ruth Okoro", "—"}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkQuotes(t, c.paras, FindWith(c.paras, &Options{Kinds: c.kinds}), c.want)
		})
	}
}
