import FuzzSupport

@_cdecl("FuzzVariant_main")
public func driverMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { bytes, size in bytes.map { testOneInput($0, size) } ?? 0 }
}
