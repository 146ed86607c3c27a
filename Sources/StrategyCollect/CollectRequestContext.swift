import Hummingbird
import NIOCore

/// A request as the online diagnostic sees it: Hummingbird's context, with the client's address (the
/// guess limiter counts wrong tokens per address) and a smaller upload limit than Hummingbird's.
public struct CollectRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// No form of the diagnostic comes near this: a key area's page with every text at its limit.
    public var maxUploadSize: Int { CollectLimits.body }
}

/// The sizes a request may have: bodies, fields and the number of fields, so that no request can make
/// the server hold or store more than a page could send.
public enum CollectLimits {
    public static let body = 256 * 1024
    public static let fields = 400
    /// Evidence and next steps: about two pages of text.
    public static let longText = 4000
    /// A role, department or owner.
    public static let shortText = 200
}
