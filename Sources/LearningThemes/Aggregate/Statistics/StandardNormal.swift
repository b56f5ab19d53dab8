import Foundation

/// The standard normal distribution, for the critical values behind confidence intervals
/// at whatever confidence a user asks for (not only the familiar 1.96).
public enum StandardNormal {
    /// P(Z <= z).
    public static func cumulativeProbability(_ z: Double) -> Double {
        // erfc rather than 1 + erf keeps full relative precision deep in the lower tail.
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// The z with P(Z <= z) = `probability`: -infinity at 0, +infinity at 1, NaN outside.
    public static func quantile(_ probability: Double) -> Double {
        if probability.isNaN || probability < 0 || probability > 1 { return .nan }
        if probability == 0 { return -.infinity }
        if probability == 1 { return .infinity }
        return refined(rationalEstimate(probability), towards: probability)
    }

    /// Acklam's rational approximation: relative error below 1.2e-9 over (0, 1), with
    /// separate fits for the centre and for each tail where the curve bends sharply.
    private static func rationalEstimate(_ p: Double) -> Double {
        let tailSplit = 0.02425
        if p < tailSplit {
            let q = (-2 * log(p)).squareRoot()
            return tailNumerator(q) / tailDenominator(q)
        }
        if p > 1 - tailSplit {
            let q = (-2 * log1p(-p)).squareRoot()
            return -tailNumerator(q) / tailDenominator(q)
        }
        let q = p - 0.5
        let r = q * q
        let numerator = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r
            - 2.759285104469687e+02) * r + 1.383577518672690e+02) * r
            - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
        let denominator = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r
            - 1.556989798598866e+02) * r + 6.680131188771972e+01) * r
            - 1.328068155288572e+01) * r + 1
        return numerator / denominator
    }

    private static func tailNumerator(_ q: Double) -> Double {
        ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
            - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00
    }

    private static func tailDenominator(_ q: Double) -> Double {
        (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
            + 3.754408661907416e+00) * q + 1
    }

    /// One Halley step against the exact CDF takes the ~1e-9 estimate to about machine
    /// precision, so intervals match statistics packages to many digits.
    private static func refined(_ estimate: Double, towards p: Double) -> Double {
        // For p near 1 the CDF saturates; refining the mirrored lower tail keeps precision.
        if estimate > 0 { return -refined(-estimate, towards: 1 - p) }
        let error = cumulativeProbability(estimate) - p
        let step = error * (2 * Double.pi).squareRoot() * exp(estimate * estimate / 2)
        guard step.isFinite else { return estimate }
        return estimate - step / (1 + estimate * step / 2)
    }
}
