package resolve

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// namePair is a query and a listed name, written by hand.
type namePair struct {
	query, listed string
	why           string
}

// hardNegatives share words but name different entities: they must score under the
// review threshold.
var hardNegatives = []namePair{
	{"China Mobile", "China Unicom (Hong Kong) Limited", "two carriers"},
	{"China Mobile Communications Group Co., Ltd.", "China Unicom Limited", "two carriers, full names"},
	{"China Mobile Limited", "China Telecom Corporation Limited", "two carriers"},
	{"China Telecom Americas Corporation", "China Telecom Corporation Limited", "a subsidiary is not its parent"},
	{"China Aerospace Science and Technology Corporation", "China Aerospace Science and Industry Corporation", "CASC and CASIC"},
	{"China Electronics Technology Group Corporation", "China Electronics Corporation", "CETC and CEC"},
	{"China State Shipbuilding Corporation", "China Shipbuilding Industry Corporation", "CSSC and CSIC (before their merger)"},
	{"China North Industries Group Corporation", "China South Industries Group Corporation", "NORINCO and CSGC"},
	{"Aviation Industry Corporation of China", "Commercial Aircraft Corporation of China", "AVIC and COMAC"},
	{"Bank Melli Iran", "Bank Mellat", "two Iranian banks"},
	{"Bank Saderat Iran", "Bank Sepah", "two Iranian banks"},
	{"Mahan Air", "Mahan Travel and Tourism Sdn Bhd", "an airline and a travel agent"},
	{"Iran Air", "Iran Aseman Airlines", "two airlines"},
	{"Rosneft", "Rostec", "oil company and state corporation"},
	{"Sberbank", "Sovcombank", "two Russian banks"},
	{"VTB Bank", "VTB Capital", "bank and its investment arm"},
	{"Gazprom Neft", "Gazprom Svyaz", "two Gazprom subsidiaries"},
	{"Gazprom Neft", "Gazprom", "a subsidiary is not its parent"},
	{"Huawei Technologies Co., Ltd.", "Huawei Marine Networks Co., Limited", "two Huawei companies"},
	{"Hikvision Digital Technology", "Dahua Technology", "two camera makers"},
	{"Korea Mining Development Trading Corporation", "Korea Ryonbong General Corporation", "two DPRK traders"},
	{"Islamic Revolutionary Guard Corps", "Islamic Revolutionary Guard Corps Air Force", "a branch is listed on its own"},
	{"Yard No. 1220 Shanghai Waigaoqiao", "Yard No. 1222 Shanghai Waigaoqiao", "numbers differ"},
	{"Mohammed Ali", "Ali Hassan", "common given names"},
	{"Al Rashid Trust", "Al Rahma Trust", "one letter apart, different charities"},
}

// positives are the same entity written differently: they should reach the threshold.
var positives = []namePair{
	{"Aviation Industry Corporation of China, Ltd.", "AVIATION INDUSTRY CORPORATION OF CHINA", "legal form and case"},
	{"中国航空工业集团公司", "中国航空工业集团有限公司", "CJK, another legal suffix"},
	{"ООО «Газпром Энерго»", "GAZPROM ENERGO, OOO", "Cyrillic"},
	{"ПАО Сбербанк", "SBERBANK PJSC", "Cyrillic and a Russian legal form"},
	{"ＨＵＡＷＥＩ　ＴＥＣＨＮＯＬＯＧＩＥＳ　ＣＯ．，ＬＴＤ．", "Huawei Technologies Co., Ltd.", "full width"},
	{"Rosoboron Export", "ROSOBORONEXPORT", "words written together"},
	{"Ayman al-Zawahiri", "AL-ZAWAHIRI, Ayman", "order and article"},
	{"Muhammad Yunis Ahmed", "AHMAD, Muhammad Yunis", "a transliteration variant"},
	{"China Telecom Corp", "China Telecom Corporation Limited", "abbreviated legal form"},
	{"Huawei Technology", "Huawei Technologies Co., Ltd.", "singular"},
	{"Mahan Airlines", "Mahan Airline", "plural"},
	{"Société Générale", "SOCIETE GENERALE S.A.", "diacritics"},
}

// TestHardNegatives scores each pair in the index of the real lists (so words weigh what
// they weigh there) and compares the table with testdata/hardnegatives.golden.
func TestHardNegatives(t *testing.T) {
	recs := realIndexRecords(t)
	all := append(append([]namePair(nil), hardNegatives...), positives...)
	for i, p := range all {
		recs = append(recs, Record{Key: fmt.Sprintf("hand:%02d", i), Names: []string{p.listed}})
	}
	ix, err := Build(recs)
	require.NoError(t, err)
	var b strings.Builder
	fmt.Fprintf(&b, "# Hand-written pairs scored in the index of the 2021 SDN and 2023 CSL names.\n")
	fmt.Fprintf(&b, "# Review threshold %s. Regenerate with go test -run TestHardNegatives -update.\n", ReviewThreshold)
	below := 0
	for i, p := range all {
		if i == 0 {
			fmt.Fprintf(&b, "\n## Hard negatives (different entities): must score under %s\n\n", ReviewThreshold)
		}
		if i == len(hardNegatives) {
			fmt.Fprintf(&b, "\n## Positives (the same entity)\n\n")
		}
		res, err := ix.Match(Query{Names: []string{p.query}, MinScore: 1, Limit: 100000})
		require.NoError(t, err)
		var s Score
		for _, c := range res.Candidates {
			if c.Key == fmt.Sprintf("hand:%02d", i) {
				s = c.Score
			}
		}
		fmt.Fprintf(&b, "%s  %-48s  %-48s  %s\n", s, p.query, p.listed, p.why)
		if i < len(hardNegatives) {
			assert.Less(t, s, ReviewThreshold, "hard negative %q vs %q", p.query, p.listed)
			if s < ReviewThreshold {
				below++
			}
		} else {
			assert.GreaterOrEqual(t, s, ReviewThreshold, "positive %q vs %q", p.query, p.listed)
		}
	}
	fmt.Fprintf(&b, "\n%d of %d hard negatives under the threshold.\n", below, len(hardNegatives))
	golden := filepath.Join("testdata", "hardnegatives.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), b.String())
}
