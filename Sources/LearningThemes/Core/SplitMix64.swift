/// SplitMix64 (Steele, Lea and Flood, 2014): a few lines, and the same sequence on every
/// platform and toolchain, unlike the system generator. Whatever must come out the same on
/// every run draws from it: the bootstrap interval of `evaluate`, and the tests' random
/// inputs.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// 0..<bound (0 for a bound of 0). The high half of a 64×64-bit product spreads the
    /// draws evenly without a division.
    mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}
