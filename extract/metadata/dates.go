package metadata

import (
	"strconv"
	"strings"
	"time"

	"byline/internal/fastre"
)

// machineLayouts are the layouts of machine-readable dates (meta content,
// JSON-LD, datetime attributes), tried in order. Fractional seconds are
// accepted by time.Parse after any seconds field.
var machineLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05Z07",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04Z07:00",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	"20060102T150405Z0700",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04:05 Z07:00",
	"Mon Jan 2 15:04:05 MST 2006",
	"Mon Jan 02 2006 15:04:05 GMT-0700",
	time.RFC850,
	time.ANSIC,
	"2 Jan 2006 15:04:05 -0700",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"02.01.2006",
}

var (
	isoPrefixRe = fastre.MustCompile(`^\d{4}-\d{2}-\d{2}`)
	epochRe     = fastre.MustCompile(`^\d{10}(\d{3})?$`)
	// urlDateRe finds a full date in a URL path: /2024/05/17/, /2024-05-17/, /20240517/.
	urlDateRe = fastre.MustCompile(`(?:^|[/_-])((?:19|20)\d{2})([/_-]?)(0[1-9]|1[0-2])([/_-]?)(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)`)
	// textDateRe finds a written date: ISO, "May 17, 2024", "17 May 2024",
	// "17. Mai 2024", "17 de mayo de 2024", "17.05.2024".
	textDateRe = fastre.MustCompile(`(?i)\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b` +
		`|\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b` +
		`|\b(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?((?:19|20)\d{2})\b` +
		`|\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\b`)
)

// months maps month names and their usual abbreviations in the main news
// languages to month numbers.
var months = map[string]time.Month{}

func init() {
	names := [][]string{
		{"january", "jan", "janvier", "janv", "januar", "jän", "enero", "ene", "janeiro", "gennaio", "genn", "gen", "januari", "styczeń", "января", "январь"},
		{"february", "feb", "févr", "fevr", "février", "fevrier", "februar", "febrero", "fevereiro", "fev", "febbraio", "febr", "februari", "февраля", "февраль"},
		{"march", "mar", "mars", "märz", "marz", "marzo", "março", "marco", "maart", "mrt", "марта", "март"},
		{"april", "apr", "avril", "avr", "abril", "abr", "aprile", "апреля", "апрель"},
		{"may", "mai", "mayo", "maio", "maggio", "mag", "mei", "мая", "май"},
		{"june", "jun", "juin", "juni", "junio", "junho", "giugno", "giu", "июня", "июнь"},
		{"july", "jul", "juillet", "juil", "juli", "julio", "julho", "luglio", "lug", "июля", "июль"},
		{"august", "aug", "août", "aout", "agosto", "ago", "augustus", "августа", "август"},
		{"september", "sep", "sept", "septembre", "septiembre", "setembro", "set", "settembre", "сентября", "сентябрь"},
		{"october", "oct", "octobre", "oktober", "okt", "octubre", "outubro", "out", "ottobre", "ott", "октября", "октябрь"},
		{"november", "nov", "novembre", "noviembre", "novembro", "ноября", "ноябрь"},
		{"december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic", "dezembro", "dicembre", "desember", "декабря", "декабрь"},
	}
	for i, ns := range names {
		for _, n := range ns {
			months[n] = time.Month(i + 1)
		}
	}
}

// parseDate reads a machine-readable date. A value without a time zone is
// taken as UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	if epochRe.MatchString(s) {
		n, _ := strconv.ParseInt(s, 10, 64)
		if len(s) == 13 {
			n /= 1000
		}
		return sane(time.Unix(n, 0))
	}
	// "+0100" style zones and a trailing "UTC" are common.
	s = strings.TrimSuffix(s, " UTC")
	for _, l := range machineLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return sane(t)
		}
	}
	// A value that starts with an ISO date but has some other tail: keep the day.
	if m := isoPrefixRe.FindString(s); m != "" {
		if t, err := time.Parse("2006-01-02", m); err == nil {
			return sane(t)
		}
	}
	return parseTextDate(s)
}

// sane rejects years out of range and gives the time a fixed zone (UTC
// for a zero offset), whatever the machine's local zone.
func sane(t time.Time) (time.Time, bool) {
	if t.Year() < 1990 || t.Year() > 2100 {
		return time.Time{}, false
	}
	if _, off := t.Zone(); off != 0 {
		return t.In(time.FixedZone("", off)), true
	}
	return t.UTC(), true
}

// parseTextDate finds the first written date in s ("Updated May 17, 2024
// at 3:46 PM", "17. Mai 2024"). Only the day is kept.
func parseTextDate(s string) (time.Time, bool) {
	for _, m := range textDateRe.FindAllStringSubmatch(s, 4) {
		var y, d int
		var mo time.Month
		switch {
		case m[1] != "":
			y, _ = strconv.Atoi(m[1])
			n, _ := strconv.Atoi(m[2])
			mo = time.Month(n)
			d, _ = strconv.Atoi(m[3])
		case m[4] != "":
			mo = months[strings.ToLower(m[4])]
			d, _ = strconv.Atoi(m[5])
			y, _ = strconv.Atoi(m[6])
		case m[7] != "":
			d, _ = strconv.Atoi(m[7])
			mo = months[strings.ToLower(m[8])]
			y, _ = strconv.Atoi(m[9])
		case m[10] != "":
			d, _ = strconv.Atoi(m[10])
			n, _ := strconv.Atoi(m[11])
			mo = time.Month(n)
			y, _ = strconv.Atoi(m[12])
		}
		if mo < 1 || mo > 12 || d < 1 || d > 31 {
			continue
		}
		t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			continue
		}
		if t, ok := sane(t); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// urlDate finds a full date in the path of a URL.
func urlDate(path string) (time.Time, bool) {
	m := urlDateRe.FindStringSubmatch(path)
	if m == nil || m[2] != m[4] {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", m[1]+"-"+m[3]+"-"+m[5])
	if err != nil {
		return time.Time{}, false
	}
	return sane(t)
}
