package vn.hanoi.branch.code;

import java.time.LocalDate;
import java.util.regex.Matcher;

/** The code on a dossier appointment slip, e.g. {@code HN01-261123-0042}. */
public record DossierQr(String code) implements OurQr {

    public DossierQr {
        CodeSyntax.require(code, CodeSyntax.DOSSIER, 40, "dossier code");
        Matcher m = CodeSyntax.DOSSIER.matcher(code);
        if (!m.matches() || CodeSyntax.date(m.group(2), CodeSyntax.SHORT_DAY).isEmpty()) {
            throw new IllegalArgumentException("dossier code has no valid yyMMdd date: " + code);
        }
    }

    public String agency() {
        return part(1);
    }

    /** The day the dossier was received, from the code's {@code yyMMdd} part. */
    public LocalDate receivedOn() {
        return CodeSyntax.date(part(2), CodeSyntax.SHORT_DAY).orElseThrow();
    }

    @Override
    public String path() {
        return "/q/d/" + code;
    }

    private String part(int group) {
        Matcher m = CodeSyntax.DOSSIER.matcher(code);
        m.matches();
        return m.group(group);
    }
}
