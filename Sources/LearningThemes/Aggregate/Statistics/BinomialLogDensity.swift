import Foundation

/// log P(X = successes) for X ~ Binomial(trials, probability), in Loader's saddle-point
/// form (the method behind R's dbinom and dhyper).
///
/// The obvious log-factorial sum, lgamma(n+1) - lgamma(k+1) - ..., subtracts numbers
/// near n log n: at ten million paragraphs each carries an absolute error of ~1e-8,
/// which becomes a relative error of ~1e-8 in every probability and can flip R's 1e-7
/// tie tolerance. Loader's form only ever adds small, accurately computed quantities,
/// keeping probabilities to ~1e-14 at any size.
enum BinomialLogDensity {
    /// `complement` is 1 - `probability`, passed separately so that callers who know it
    /// exactly (as a ratio of counts) do not lose it to rounding near 1.
    static func logProbability(_ successes: Int, trials: Int, probability: Double, complement: Double) -> Double {
        if trials == 0 { return 0 }
        let n = Double(trials)
        // log1p for the smaller of the two keeps precision when it is tiny.
        if successes == 0 {
            return n * (probability < 0.5 ? log1p(-probability) : log(complement))
        }
        if successes == trials {
            return n * (complement < 0.5 ? log1p(-complement) : log(probability))
        }
        let x = Double(successes)
        let logDeviation = stirlingError(trials) - stirlingError(successes) - stirlingError(trials - successes)
            - deviance(successes, mean: n * probability) - deviance(trials - successes, mean: n * complement)
        let logScale = log(2 * Double.pi) + log(x) + log1p(-x / n)
        return logDeviation - 0.5 * logScale
    }

    /// log(n!) minus Stirling's approximation of it.
    static func stirlingError(_ n: Int) -> Double {
        let x = Double(n)
        if n <= 15 {
            // Small enough that lgamma's absolute error is ~1e-15; the series below
            // converges too slowly here.
            let (logFactorial, _) = lgamma(x + 1)
            return logFactorial - (x + 0.5) * log(x) + x - 0.5 * log(2 * Double.pi)
        }
        let inverseSquare = 1 / (x * x)
        // The asymptotic series 1/12n - 1/360n^3 + 1/1260n^5 - ...; fewer terms suffice
        // as n grows.
        let c0 = 1.0 / 12, c1 = 1.0 / 360, c2 = 1.0 / 1260, c3 = 1.0 / 1680, c4 = 1.0 / 1188
        if n > 500 { return (c0 - c1 * inverseSquare) / x }
        if n > 80 { return (c0 - (c1 - c2 * inverseSquare) * inverseSquare) / x }
        if n > 35 { return (c0 - (c1 - (c2 - c3 * inverseSquare) * inverseSquare) * inverseSquare) / x }
        return (c0 - (c1 - (c2 - (c3 - c4 * inverseSquare) * inverseSquare) * inverseSquare) * inverseSquare) / x
    }

    /// x log(x / mean) + mean - x: how far a count sits from its mean, in log terms.
    static func deviance(_ count: Int, mean: Double) -> Double {
        let x = Double(count)
        guard abs(x - mean) < 0.1 * (x + mean) else {
            return x * log(x / mean) + mean - x
        }
        // Near the mean the closed form subtracts nearly equal numbers. The series in
        // v = (x - mean) / (x + mean) avoids that, and with |v| < 0.1 it converges fast.
        let v = (x - mean) / (x + mean)
        let vSquared = v * v
        var sum = (x - mean) * v
        var term = 2 * x * v
        for index in 1..<1000 {
            term *= vSquared
            let next = sum + term / Double(2 * index + 1)
            if next == sum { return next }
            sum = next
        }
        return sum
    }
}
