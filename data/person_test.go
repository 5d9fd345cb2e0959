package data

import "testing"

func TestSplitPerson(t *testing.T) {
	for _, tc := range []struct {
		in, name, title string
		split           bool
	}{
		{"Julie Marsh, Senior Commissioning Support Manager", "Julie Marsh", "Senior Commissioning Support Manager", true},
		{"Ben Adeyemi, Director of Communications and Engagement", "Ben Adeyemi", "Director of Communications and Engagement", true},
		{"Director of Nursing, Ann Lee", "Ann Lee", "Director of Nursing", true},
		{"Zoë Clarke (Patient Experience Lead)", "Zoë Clarke", "Patient Experience Lead", true},
		{"Mark Rose – Head of Quality", "Mark Rose", "Head of Quality", true},
		{"Will Hope Deputy Director of Finance", "Will Hope", "Deputy Director of Finance", true},
		{"  Siân   O'Neill ", "Siân O'Neill", "", false},
		{"Head of Engagement", "", "Head of Engagement", false},
		{"Ngọc Anh Trần", "Ngọc Anh Trần", "", false},
		{"", "", "", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			name, title, split := SplitPerson(tc.in)
			if name != tc.name || title != tc.title || split != tc.split {
				t.Errorf("SplitPerson(%q) = %q, %q, %v; want %q, %q, %v", tc.in, name, title, split, tc.name, tc.title, tc.split)
			}
		})
	}
}
