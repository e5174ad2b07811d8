package e2e_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/crypto"
)

// needle is one form of a personal value as it could appear on chain.
type needle struct {
	value string // the personal value it derives from
	form  string // how: text, hex, keccak256, sha256, …
	bytes []byte
}

// needles returns every form of each value worth searching the chain for: the text as it is, lower-case
// and without spaces; its hex as text; and its keccak256 and sha256 hashes (of each text form), raw and as
// hex text.
func needles(values ...string) []needle {
	var out []needle
	for _, v := range values {
		texts := map[string]string{"text": v, "lower-case text": strings.ToLower(v), "text without spaces": strings.ReplaceAll(v, " ", "")}
		for name, t := range texts {
			k, s := crypto.Keccak256([]byte(t)), sha256.Sum256([]byte(t))
			out = append(out, needle{v, name, []byte(t)}, needle{v, "hex of " + name, []byte(hex.EncodeToString([]byte(t)))},
				needle{v, "keccak256 of " + name, k}, needle{v, "keccak256 of " + name + " as hex", []byte(hex.EncodeToString(k))},
				needle{v, "sha256 of " + name, s[:]}, needle{v, "sha256 of " + name + " as hex", []byte(hex.EncodeToString(s[:]))})
		}
	}
	return out
}

// chainScan is what scanning the chain saw.
type chainScan struct {
	Blocks, Txs, Logs int
	Found             []string
}

// scanChain reads every block from 0 to the head with its transactions, and every log of those blocks, and
// looks in each transaction's input and each log's topics and data for each needle. The input and the data
// are also searched lower-cased, so that text in any case is found.
func (p *platform) scanChain(ns []needle) chainScan {
	p.tb.Helper()
	head, err := p.client.BlockNumber(p.ctx)
	if err != nil {
		p.tb.Fatal(err)
	}
	var s chainScan
	look := func(where string, hay []byte) {
		low := bytes.ToLower(hay)
		for _, n := range ns {
			if len(n.bytes) >= 4 && (bytes.Contains(hay, n.bytes) || bytes.Contains(low, bytes.ToLower(n.bytes))) {
				s.Found = append(s.Found, fmt.Sprintf("%s of %q in %s", n.form, n.value, where))
			}
		}
	}
	for b := uint64(0); b <= head; b++ {
		block, err := p.client.BlockByNumber(p.ctx, new(big.Int).SetUint64(b))
		if err != nil {
			p.tb.Fatal(err)
		}
		s.Blocks++
		look(fmt.Sprintf("block %d extra data", b), block.Extra())
		for _, tx := range block.Transactions() {
			s.Txs++
			look("the input of transaction "+tx.Hash().Hex(), tx.Data())
		}
	}
	const step = 2000
	for from := uint64(0); from <= head; from += step {
		logs, err := p.client.FilterLogs(p.ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from),
			ToBlock: new(big.Int).SetUint64(min(from+step-1, head))})
		if err != nil {
			p.tb.Fatal(err)
		}
		for _, l := range logs {
			s.Logs++
			var hay []byte
			for _, t := range l.Topics {
				hay = append(hay, t.Bytes()...)
			}
			look(fmt.Sprintf("log %d of transaction %s", l.Index, l.TxHash.Hex()), append(hay, l.Data...))
		}
	}
	return s
}
