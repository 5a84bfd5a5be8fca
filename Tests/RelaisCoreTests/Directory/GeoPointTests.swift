import RelaisCore
import Testing

@Suite struct GeoPointTests {
    @Test func refusesCoordinatesOutOfRange() {
        #expect(GeoPoint(latitude: 91, longitude: 0) == nil)
        #expect(GeoPoint(latitude: 0, longitude: -180.5) == nil)
        #expect(GeoPoint(latitude: .nan, longitude: 0) == nil)
        #expect(GeoPoint(latitude: -90, longitude: 180) != nil)
    }

    @Test func knownDistances() throws {
        // Paris (Notre-Dame) – London (Trafalgar Square): 343.5 km on the mean sphere.
        let paris = try #require(GeoPoint(latitude: 48.8566, longitude: 2.3522))
        let london = try #require(GeoPoint(latitude: 51.5074, longitude: -0.1278))
        #expect(abs(paris.distance(to: london) - 343_556) < 50)
        // Poitiers – Châtellerault, town halls: about 30.7 km as the crow flies.
        let poitiers = try #require(GeoPoint(latitude: 46.5802, longitude: 0.3404))
        let chatellerault = try #require(GeoPoint(latitude: 46.8178, longitude: 0.5461))
        #expect(abs(poitiers.distance(to: chatellerault) - 30_726) < 20)
        #expect(poitiers.distance(to: chatellerault) == chatellerault.distance(to: poitiers))
    }

    @Test func zeroShortAndAntipodalDistances() throws {
        let a = try #require(GeoPoint(latitude: 46.5802, longitude: 0.3404))
        #expect(a.distance(to: a) == 0)
        // 0.0001° of latitude is 11.1 m: the formula stays accurate at the scale of a street.
        let b = try #require(GeoPoint(latitude: 46.5803, longitude: 0.3404))
        #expect(abs(a.distance(to: b) - 11.12) < 0.01)
        let north = try #require(GeoPoint(latitude: 90, longitude: 0)), south = try #require(GeoPoint(latitude: -90, longitude: 0))
        #expect(abs(north.distance(to: south) - .pi * GeoPoint.earthRadiusMetres) < 0.001)
    }
}
