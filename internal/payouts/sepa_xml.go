package payouts

import (
	"encoding/xml"
	"strings"
	"unicode/utf8"
)

// The elements of pain.001.001.03 and pain.001.001.09 that the bank file uses, in the schemas' order. Where
// the two differ, the struct has a field for each, and the one the format does not use stays empty.
type sepaDocument struct {
	XMLName    xml.Name       `xml:"Document"`
	Xmlns      string         `xml:"xmlns,attr"`
	Initiation sepaInitiation `xml:"CstmrCdtTrfInitn"`
}

type sepaInitiation struct {
	GroupHeader sepaGroupHeader `xml:"GrpHdr"`
	PaymentInfo sepaPaymentInfo `xml:"PmtInf"`
}

type sepaGroupHeader struct {
	MsgID           string    `xml:"MsgId"`
	CreatedAt       string    `xml:"CreDtTm"`
	NbOfTxs         string    `xml:"NbOfTxs"`
	CtrlSum         string    `xml:"CtrlSum"`
	InitiatingParty sepaParty `xml:"InitgPty"`
}

type sepaParty struct {
	Name string `xml:"Nm"`
}

type sepaAccount struct {
	ID struct {
		IBAN string `xml:"IBAN"`
	} `xml:"Id"`
}

type sepaPaymentInfo struct {
	ID           string `xml:"PmtInfId"`
	Method       string `xml:"PmtMtd"`
	BatchBooking bool   `xml:"BtchBookg"`
	NbOfTxs      string `xml:"NbOfTxs"`
	CtrlSum      string `xml:"CtrlSum"`
	TypeInfo     struct {
		ServiceLevel struct {
			Code string `xml:"Cd"`
		} `xml:"SvcLvl"`
	} `xml:"PmtTpInf"`
	ExecuteOn     sepaDate    `xml:"ReqdExctnDt"`
	Debtor        sepaParty   `xml:"Dbtr"`
	DebtorAccount sepaAccount `xml:"DbtrAcct"`
	DebtorAgent   struct {
		FinInstn struct {
			BIC   string `xml:"BIC,omitempty"`   // .03
			BICFI string `xml:"BICFI,omitempty"` // .09
		} `xml:"FinInstnId"`
	} `xml:"DbtrAgt"`
	ChargeBearer string         `xml:"ChrgBr"`
	Transfers    []sepaTransfer `xml:"CdtTrfTxInf"`
}

// sepaDate is the requested execution date: the date itself in .03, a choice of date or date and time in .09.
type sepaDate struct {
	Date   string `xml:",chardata"`    // .03
	Choice string `xml:"Dt,omitempty"` // .09
}

type sepaTransfer struct {
	PaymentID struct {
		InstrID    string `xml:"InstrId"`
		EndToEndID string `xml:"EndToEndId"`
	} `xml:"PmtId"`
	Amount struct {
		Value    string `xml:",chardata"`
		Currency string `xml:"Ccy,attr"`
	} `xml:"Amt>InstdAmt"`
	Creditor        sepaParty   `xml:"Cdtr"`
	CreditorAccount sepaAccount `xml:"CdtrAcct"`
	Remittance      struct {
		Unstructured string `xml:"Ustrd"`
	} `xml:"RmtInf"`
}

// latin maps the accented letters of Dutch, German and French names to the basic Latin letters that
// every SEPA bank accepts.
var latin = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "Á", "A", "À", "A", "Â", "A", "Ä", "A", "Å", "A",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "É", "E", "È", "E", "Ê", "E", "Ë", "E",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "Í", "I", "Ï", "I", "ĳ", "ij", "Ĳ", "IJ",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "Ó", "O", "Ö", "O", "Ø", "O",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "Ú", "U", "Ü", "U",
	"ç", "c", "Ç", "C", "ñ", "n", "Ñ", "N", "ß", "ss", "&", "+", "’", "'", "‘", "'",
)

// sepaText keeps a text within the SEPA character set (a-z A-Z 0-9 / - ? : ( ) . , ' + and space): accented
// letters lose their accents, anything else becomes a space, runs of spaces shrink to one, and the result is
// cut to at most n characters.
func sepaText(s string, n int) string {
	s = latin.Replace(s)
	var b strings.Builder
	space := true
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/-?:().,'+", r)
		switch {
		case ok:
			b.WriteRune(r)
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	out := strings.TrimSpace(b.String())
	for utf8.RuneCountInString(out) > n {
		out = strings.TrimSpace(out[:len(out)-1])
	}
	return out
}
