package vn.hanoi.branch.card;

import org.junit.jupiter.api.Test;
import vn.hanoi.branch.card.CardException.Reason;
import vn.hanoi.branch.card.PassiveAuthentication.Verdict;
import vn.hanoi.branch.testkit.card.CccdApplet;
import vn.hanoi.branch.testkit.card.CccdCardFiles;
import vn.hanoi.branch.testkit.card.EmulatedCardService;
import vn.hanoi.branch.testkit.card.FakeCitizen;
import vn.hanoi.branch.testkit.card.FakeCitizens;
import vn.hanoi.branch.testkit.card.TestPki;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reader against the in-process emulator: every field, every failure the kiosk must tell apart. */
class CardReadTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

    private static PassiveAuthentication trusting(CccdCardFiles card) {
        return new PassiveAuthentication(List.of(card.pki().csca()));
    }

    private static CitizenCard read(CccdCardFiles card, CccdReader.Options options) {
        return new CccdReader(options).read(new EmulatedCardService(CccdApplet.of(card)),
                CardAccess.fromQr(card.citizen().qr()));
    }

    @Test
    void readsEveryFieldOfSeveralCitizens() {
        FakeCitizens people = new FakeCitizens(7, TODAY);
        for (int i = 0; i < 12; i++) {
            FakeCitizen c = people.next();
            CccdCardFiles card = CccdCardFiles.of(c).build();
            CitizenCard r = read(card, CccdReader.Options.defaults().withAuthentication(trusting(card)));

            assertThat(r.id()).isEqualTo(c.id());
            assertThat(r.fullName()).isEqualTo(c.fullName());
            assertThat(r.dateOfBirth()).isEqualTo(c.dateOfBirth());
            assertThat(r.sex()).isEqualTo(c.sex());
            assertThat(r.nationality()).isEqualTo("Việt Nam");
            assertThat(r.ethnicity()).isEqualTo(c.ethnicity());
            assertThat(r.religion()).isEqualTo(c.religion());
            assertThat(r.placeOfOrigin()).isEqualTo(c.placeOfOrigin());
            assertThat(r.placeOfResidence()).isEqualTo(c.placeOfResidence());
            assertThat(r.identifyingMarks()).isEqualTo(c.identifyingMarks());
            assertThat(r.issueDate()).isEqualTo(c.issueDate());
            assertThat(r.expiryDate()).isEqualTo(c.expiryDate());
            assertThat(r.expiry()).isEqualTo(c.expiryDate() == null ? CccdCardFiles.NO_EXPIRY_TEXT : r.expiry());
            assertThat(r.father()).isEqualTo(c.father());
            assertThat(r.mother()).isEqualTo(c.mother());
            assertThat(r.spouse()).isEqualTo(c.spouse());
            assertThat(r.oldId()).isEqualTo(c.oldId());
            assertThat(r.mrz().documentCode()).isEqualTo("ID");
            assertThat(r.mrz().issuingState()).isEqualTo("VNM");
            assertThat(r.mrz().documentNumber()).isEqualTo(c.documentNumber());
            assertThat(r.mrz().optionalData()).startsWith(c.id());
            assertThat(r.mrz().dateOfExpiry()).isEqualTo(c.chipExpiry());
            assertThat(r.mrz().primaryIdentifier()).isEqualTo(c.mrzPrimaryIdentifier());
            assertThat(r.dg13()).containsKeys(1, 2, 3, 13);
            assertThat(r.authentication().verdict()).isEqualTo(Verdict.VERIFIED);
            assertThat(r.bacAttempts()).isBetween(1, 3);
            assertThat(r.stats().apdus()).isBetween(15, 40);
            assertThat(r.stats().dataGroups()).containsExactly(1, 13);
            assertThat(r.faceImage()).isNull();
            assertThat(r.toString()).doesNotContain(c.id(), c.fullName(), c.documentNumber());
        }
    }

    @Test
    void verdictIsIntegrityOnlyWithoutCsca() {
        CccdCardFiles card = CccdCardFiles.of(new FakeCitizens(3, TODAY).next()).build();
        CitizenCard r = read(card, CccdReader.Options.defaults());
        assertThat(r.authentication().verdict()).isEqualTo(Verdict.INTEGRITY_ONLY);
        assertThat(r.authentication().verdict().textEn()).contains("issuer not verified");
    }

    @Test
    void changedDataGroupIsTampered() {
        for (int dg : new int[]{1, 13, 2}) {
            CccdCardFiles card = CccdCardFiles.of(new FakeCitizens(4, TODAY).next()).faceImage(12_000).tamper(dg).build();
            assertThatThrownBy(() -> read(card, CccdReader.Options.defaults().withFaceImage(true)))
                    .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED))
                    .hasMessageContaining("DG[" + dg + "]");
        }
    }

    @Test
    void forgedSignerIsRefusedWhenCscaConfigured() {
        CccdCardFiles card = CccdCardFiles.of(new FakeCitizens(5, TODAY).next())
                .signedBy(TestPki.generate("TEST forger")).build();
        assertThatThrownBy(() -> read(card, CccdReader.Options.defaults().withAuthentication(trusting(card))))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));
        CitizenCard diag = read(card, CccdReader.Options.defaults().withAuthentication(trusting(card)).withAcceptUnknownIssuer(true));
        assertThat(diag.authentication().verdict()).isEqualTo(Verdict.FAILED);
        assertThat(diag.authentication().problem()).isEqualTo(PassiveAuthentication.Problem.ISSUER_UNKNOWN);
    }

    @Test
    void readsFaceImageWithExtendedOffsets() {
        FakeCitizen c = new FakeCitizens(6, TODAY).next();
        CccdCardFiles card = CccdCardFiles.of(c).faceImage(40_000).build();
        CitizenCard r = read(card, CccdReader.Options.defaults().withFaceImage(true).withAuthentication(trusting(card)));
        assertThat(r.faceImage()).hasSizeGreaterThan(39_000);
        assertThat(r.faceImageMimeType()).isEqualTo("image/jpeg");
        assertThat(r.stats().dataGroups()).containsExactly(1, 13, 2);
        assertThat(r.authentication().verdict()).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void wrongKeysAfterAllCandidatesAreAccessDenied() {
        FakeCitizen c = new FakeCitizens(8, TODAY).next();
        CccdApplet applet = CccdApplet.of(CccdCardFiles.of(c).build());
        List<CardAccess> wrong = List.of(new CardAccess(c.documentNumber(), "991231", "301231"),
                new CardAccess("000000000", ExpiryCandidates.format(c.dateOfBirth()), c.chipExpiry()));
        assertThatThrownBy(() -> new CccdReader().read(new EmulatedCardService(applet), wrong))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED));
        // select + 2 × (GET CHALLENGE + EXTERNAL AUTHENTICATE): one round trip pair per wrong key.
        assertThat(applet.apdus()).isEqualTo(5);
    }

    @Test
    void cardWithoutTheApplicationIsNotACitizenCard() {
        assertThatThrownBy(() -> new CccdReader().read(new EmulatedCardService(CccdApplet.notACitizenCard()),
                List.of(new CardAccess("123456789", "900101", "300101"))))
                .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_CITIZEN_ID_CARD));
    }

    @Test
    void cardPulledMidReadIsCardRemoved() {
        FakeCitizen c = new FakeCitizens(9, TODAY).next();
        for (int after : new int[]{0, 2, 6, 12, 18}) {
            CccdApplet applet = CccdApplet.of(CccdCardFiles.of(c).build()).removeAfter(after);
            assertThatThrownBy(() -> new CccdReader().read(new EmulatedCardService(applet), List.of(
                    CccdCardFiles.of(c).build().accessKey())))
                    .as("removed after %d APDUs", after)
                    .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CARD_REMOVED));
        }
    }

    @Test
    void typedMrzOpensTheCard() {
        FakeCitizen c = new FakeCitizens(10, TODAY).next();
        CccdCardFiles card = CccdCardFiles.of(c).build();
        CardAccess typed = CardAccess.fromMrz(" " + c.documentNumber(), ExpiryCandidates.format(c.dateOfBirth()),
                c.chipExpiry() + " ");
        CitizenCard r = new CccdReader().read(new EmulatedCardService(CccdApplet.of(card)), List.of(typed));
        assertThat(r.id()).isEqualTo(c.id());
        assertThat(r.bacAttempts()).isEqualTo(1);
        assertThat(typed.toString()).doesNotContain(c.documentNumber());
    }
}
