//! A normalised decimal as text, as `d.normalize().to_string()` writes it, without the
//! formatting machinery: figures are written into clause tokens, fingerprints and
//! messages hundreds of thousands of times on a large run, and `Decimal`'s `Display` (an
//! `ArrayString` built digit by digit through a 96-bit division, then `pad_integral`) was
//! about 4 % of a check of the 10 MB generated corpus.

use rust_decimal::Decimal;

/// `d.normalize().to_string()`.
pub fn normalized(d: Decimal) -> String {
    let mut s = String::new();
    push_normalized(&mut s, d);
    s
}

/// Appends `d.normalize().to_string()` to `out`.
pub fn push_normalized(out: &mut String, d: Decimal) {
    let n = d.normalize();
    let scale = n.scale() as usize;
    // Digits, least significant first (a 96-bit mantissa has at most 29).
    let mut digits = [0u8; 40];
    let mut len = 0;
    let m = n.mantissa().unsigned_abs();
    if let Ok(mut v) = u64::try_from(m) {
        while v != 0 {
            digits[len] = b'0' + (v % 10) as u8;
            v /= 10;
            len += 1;
        }
    } else {
        let mut v = m;
        while v != 0 {
            digits[len] = b'0' + (v % 10) as u8;
            v /= 10;
            len += 1;
        }
    }
    // As `Display` does: a fraction shorter than the scale is padded with zeros.
    while len < scale {
        digits[len] = b'0';
        len += 1;
    }
    if n.is_sign_negative() {
        out.push('-');
    }
    if len == 0 {
        out.push('0');
        return;
    }
    let whole = len - scale;
    out.reserve(len + 2);
    for i in 0..len {
        if i == whole {
            if i == 0 {
                out.push('0');
            }
            out.push('.');
        }
        out.push(char::from(digits[len - 1 - i]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_display_writes() {
        let mut values: Vec<Decimal> = vec![
            Decimal::ZERO,
            -Decimal::ZERO,
            Decimal::new(0, 5),
            Decimal::new(-0, 3),
            Decimal::ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(5, 28),
            Decimal::new(-5, 28),
            Decimal::from_i128_with_scale(79_228_162_514_264_337_593_543_950_335, 28),
            Decimal::from_i128_with_scale(-79_228_162_514_264_337_593_543_950_335, 14),
            Decimal::new(1_234_500, 2),
            Decimal::new(100, 0),
            Decimal::new(-100, 2),
            Decimal::new(15, 1),
            Decimal::new(305, 3),
        ];
        // A spread of mantissas and scales, past u64 too.
        let mut x: u128 = 0x9e37_79b9_7f4a_7c15;
        for k in 0..4000u32 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let bits = 1 + k % 96;
            let m = (x >> 32) & ((1u128 << bits) - 1);
            let m = i128::try_from(m).expect("fits");
            let m = if k % 3 == 0 { -m } else { m };
            values.push(Decimal::from_i128_with_scale(m, k % 29));
        }
        for d in values {
            assert_eq!(normalized(d), d.normalize().to_string(), "{d:?}");
        }
    }
}
