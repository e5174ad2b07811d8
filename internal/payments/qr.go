package payments

import (
	"context"
	"image/color"

	qr "github.com/piglig/go-qr"

	"github.com/heerlen/heitje/internal/accounts"
)

// QRQuietZone is the light margin around a QR code, in modules: the 4 that ISO/IEC 18004 asks for, which
// lets a phone find the code beside a busy counter.
const QRQuietZone = 4

// QRCodeSVG draws text as a QR code in SVG: black modules on a white square, error correction level M
// (the code still reads with 15% of it smudged or covered), the quiet zone of QRQuietZone modules on every
// side. One SVG unit is one module (the viewBox is the code's size plus the quiet zone), so the page scales
// it to any size without blur. The level is M exactly, not raised when a higher one would fit.
func QRCodeSVG(text string) ([]byte, error) {
	segs, err := qr.MakeSegments(text)
	if err != nil {
		return nil, err
	}
	code, err := qr.EncodeSegments(segs, qr.Medium, qr.MinVersion, qr.MaxVersion, -1, false)
	if err != nil {
		return nil, err
	}
	// The renderer's border is in SVG units; at one unit per module it is the quiet zone in modules.
	return code.ToSVGBytes(qr.NewQrCodeImgConfig(1, QRQuietZone, qr.WithLight(color.White), qr.WithDark(color.Black)))
}

// QRCode returns the QR code (SVG, see QRCodeSVG) of the link of request id, whatever its status, for the
// shop that made it; for another shop the request does not exist (ErrNotFound). Only shops may ask.
func (s *Service) QRCode(ctx context.Context, p accounts.Principal, id string) ([]byte, error) {
	if p.Role != accounts.RoleShop {
		return nil, accounts.ErrForbidden
	}
	r, err := s.visible(ctx, p, id)
	if err != nil {
		return nil, err
	}
	return QRCodeSVG(s.QRLink(r.ID))
}
