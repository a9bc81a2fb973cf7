package nl.retentiewerkboek.charts;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** A QR code as SVG markup, drawn on the server with ZXing: one path of dark modules, crisp at any size. */
public final class QrCode {

    private QrCode() {}

    /**
     * The text (a link) as a QR code with its quiet zone, scaled by the page: medium error correction, so a phone
     * still reads it from the back of a room with a smudge on the beamer.
     *
     * @param label what a screen reader says for the image
     */
    public static String svg(String text, String label) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    4,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot be written as a QR code: " + text.length() + " characters", e);
        }
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int run = x;
                while (run < width && matrix.get(run, y)) {
                    run++;
                }
                path.append('M')
                        .append(x)
                        .append(' ')
                        .append(y)
                        .append('h')
                        .append(run - x)
                        .append("v1h-")
                        .append(run - x)
                        .append('z');
                x = run;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + escape(label) + "\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
