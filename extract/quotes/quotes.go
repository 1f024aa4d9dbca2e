// Package quotes finds direct quotations and their speakers in paragraphs of
// news text. It works on plain text, so other programs can use it without
// byline's HTML pipeline.
package quotes

// Quote is one direct quotation. Its json tags are part of byline's output
// schema.
type Quote struct {
	// Text is the quoted words without the outer quotation marks, exactly as
	// in the paragraph.
	Text string `json:"text"`
	// Speaker is the most complete name the article gives for the source;
	// nil (JSON null) when the article does not say.
	Speaker *string `json:"speaker"`
	// SpeakerMention is the words at the attribution point when they differ
	// from Speaker ("he", "Gatilov", "the minister").
	SpeakerMention string `json:"speaker_mention,omitempty"`
	// Cue is the attribution verb or phrase ("said", "according to", ":").
	Cue string `json:"cue,omitempty"`
	// Paragraph is the index (from 0) of the paragraph where the quote starts.
	Paragraph int `json:"paragraph"`
}

// Find returns the direct quotations in paragraphs, in reading order. It
// never returns nil.
func Find(paragraphs []string) []Quote {
	return []Quote{}
}
