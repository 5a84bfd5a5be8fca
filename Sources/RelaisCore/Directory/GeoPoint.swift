/// A point on the Earth in WGS 84 degrees (what the national schema's `latitude` and `longitude` hold).
public struct GeoPoint: Sendable, Hashable, CustomStringConvertible {
    /// -90 … 90, north positive.
    public let latitude: Double
    /// -180 … 180, east positive.
    public let longitude: Double

    /// Nil outside the ranges, or for a value that is not a finite number.
    public init?(latitude: Double, longitude: Double) {
        guard latitude.isFinite, longitude.isFinite, (-90...90).contains(latitude), (-180...180).contains(longitude) else {
            return nil
        }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The mean Earth radius (IUGG), in metres: the haversine distance on this sphere is within 0.5 % of the
    /// ellipsoid's, far below what "the nearest place" needs.
    public static let earthRadiusMetres = 6_371_008.8

    /// The great-circle distance to `other`, in metres: the angle between the two points' unit vectors,
    /// taken as atan2(|a × b|, a · b), which stays accurate for a few metres as for antipodes.
    public func distance(to other: GeoPoint) -> Double {
        let a = unitVector, b = other.unitVector
        let cross = (a.1 * b.2 - a.2 * b.1, a.2 * b.0 - a.0 * b.2, a.0 * b.1 - a.1 * b.0)
        let sine = (cross.0 * cross.0 + cross.1 * cross.1 + cross.2 * cross.2).squareRoot()
        let cosine = a.0 * b.0 + a.1 * b.1 + a.2 * b.2
        return Self.earthRadiusMetres * Trigonometry.atan2NonNegative(sine, cosine)
    }

    /// The point on the unit sphere, Earth-centred (x towards 0° 0°, z towards the North Pole).
    private var unitVector: (Double, Double, Double) {
        let φ = Trigonometry.sinCos(latitude * .pi / 180), λ = Trigonometry.sinCos(longitude * .pi / 180)
        return (φ.cos * λ.cos, φ.cos * λ.sin, φ.sin)
    }

    public var description: String { "\(latitude),\(longitude)" }
}
