#!/usr/bin/env bash
# Regenerates the hall screen's voice clips (sync-agent/agent/src/main/resources/hall/voice/) from text.
#
# Run once on a Debian machine when a phrase changes, then commit the WAV files: the hall screen plays
# these committed clips and needs no speech engine, since TV browsers' speechSynthesis is missing or has no
# Vietnamese voice, and the branch may be offline.
#
#   apt-get install -y espeak-ng sox      # generation only; neither is needed at run time
#   tools/voice/generate-clips.sh
#
# Output: WAV, 16 kHz, mono, 16-bit PCM, silence trimmed at both ends (the page inserts the pauses, which
# costs no bytes). The run is deterministic for a given espeak-ng and sox version: no dither (-D), fixed
# voices and rates, the chime is synthesised from sine tones. Clip names are what hall.js asks for
# (hall.announcementClips): keep both in step.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/sync-agent/agent/src/main/resources/hall/voice"
RATE_VI=140     # words per minute: a little slower than the default 175, for a noisy hall
RATE_EN=145
AMP=150         # espeak-ng amplitude (0-200); sox normalises afterwards anyway

for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y espeak-ng sox" >&2; exit 1; }
done

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# to16k RAW OUT: resample, trim leading and trailing silence, normalise to -1 dBFS.
to16k() {
  sox -D -V1 "$1" -r 16000 -c 1 -b 16 -e signed-integer "$2" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse norm -1
}

# say VOICE RATE NAME TEXT
say() {
  local voice="$1" rate="$2" name="$3" text="$4"
  local dir="$OUT/${voice%%-*}"
  mkdir -p "$dir"
  espeak-ng -v "$voice" -s "$rate" -a "$AMP" -w "$TMP/raw.wav" -- "$text"
  to16k "$TMP/raw.wav" "$dir/$name.wav"
}

rm -f "$OUT"/*.wav "$OUT"/vi/*.wav "$OUT"/en/*.wav   # clips dropped from the lists disappear too
mkdir -p "$OUT"

# Chime: a two-tone "ding-dong" (A5 then E5), each tone with its octave for a bell-like colour, fading out.
sox -D -V1 -n -r 16000 -c 1 -b 16 "$TMP/ding.wav" synth 0.55 sine 880 sine 1760 remix 1v0.8,2v0.2 fade q 0.01 0.55 0.45
sox -D -V1 -n -r 16000 -c 1 -b 16 "$TMP/dong.wav" synth 0.8 sine 659.25 sine 1318.5 remix 1v0.8,2v0.2 fade q 0.01 0.8 0.7
sox -D -V1 "$TMP/ding.wav" "$TMP/dong.wav" -b 16 "$OUT/chime.wav" norm -3

# Vietnamese (Northern voice: Hanoi)
say vi $RATE_VI moi-cong-dan-co-so-thu-tu "Mời công dân có số thứ tự"
say vi $RATE_VI den-quay-so "đến quầy số"
digits_vi=(không một hai ba bốn năm sáu bảy tám chín)
for d in 0 1 2 3 4 5 6 7 8 9; do say vi $RATE_VI "$d" "${digits_vi[$d]}"; done
# Letters as they are read out in Vietnamese (number prefixes, e.g. B2003 "bê hai không không ba"). J is
# written "di": espeak-ng reads "gi" alone as a bare consonant, and Northern "di" sounds the same, /zi/.
letters_vi=(a bê xê dê e ép giê hát i di ca "e lờ" "em mờ" "en nờ" o pê quy "e rờ" "ét xì" tê u vê "vê kép" "ích xì" "i dài" dét)
i=0
for l in a b c d e f g h i j k l m n o p q r s t u v w x y z; do
  say vi $RATE_VI "$l" "${letters_vi[$i]}"
  i=$((i + 1))
done

# English (optional second announcement)
say en-gb $RATE_EN ticket-number "Ticket number"
say en-gb $RATE_EN please-go-to-counter "please go to counter"
digits_en=(zero one two three four five six seven eight nine)
for d in 0 1 2 3 4 5 6 7 8 9; do say en-gb $RATE_EN "$d" "${digits_en[$d]}"; done
# A single capital letter makes espeak-ng say the letter's name ("bee", "double-u").
for l in A B C D E F G H I J K L M N O P Q R S T U V W X Y Z; do
  say en-gb $RATE_EN "$(echo "$l" | tr 'A-Z' 'a-z')" "$l"
done

du -cb "$OUT"/chime.wav "$OUT"/vi/*.wav "$OUT"/en/*.wav | tail -1 | awk '{printf "voice clips: %d bytes\n", $1}'
