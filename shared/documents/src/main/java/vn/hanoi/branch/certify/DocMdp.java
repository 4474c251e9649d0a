package vn.hanoi.branch.certify;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Makes a signature a certification signature (ISO 32000, DocMDP): readers then show the copy as
 * "certified by" the branch and flag any later change beyond those permitted. Permission 2 allows
 * filling forms and adding signatures, so that a later timestamp, validation data (B-LT/B-LTA) or
 * a second official's signature does not break the certification.
 */
final class DocMdp {
    static final int FORMS_AND_SIGNATURES = 2;

    private DocMdp() {
    }

    static void certify(PDDocument doc, PDSignature signature, int permission) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.TRANSFORM_PARAMS);
        params.setInt(COSName.P, permission);
        params.setName(COSName.V, "1.2");

        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.SIG_REF);
        reference.setItem(COSName.TRANSFORM_METHOD, COSName.DOCMDP);
        reference.setItem(COSName.TRANSFORM_PARAMS, params);

        COSArray references = new COSArray();
        references.add(reference);
        signature.getCOSObject().setItem(COSName.REFERENCE, references);

        COSDictionary perms = new COSDictionary();
        perms.setItem(COSName.DOCMDP, signature.getCOSObject());
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, perms);
    }
}
