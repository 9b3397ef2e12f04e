package csl

import "github.com/eligo/eligo/jurisdiction"

func mustCode(s string) jurisdiction.Code { return jurisdiction.MustParse(s) }
