import Dispatch

extension Array {
    /// `transform` applied to every element, spread over the machine's cores; the results in the
    /// elements' order, so the output does not depend on which thread finished first.
    ///
    /// For work that is independent per element and large enough to be worth a thread hop (a source
    /// file to build, a page to render). `transform` must not touch shared mutable state: give each call
    /// its own diagnostics and merge them afterwards, in order.
    public func concurrentMap<T>(_ transform: (Element) -> T) -> [T] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let results = UncheckedBuffer(base: buffer.baseAddress!)
                self.withUnsafeBufferPointer { elements in
                    let elements = UncheckedElements(buffer: elements)
                    let transform = UncheckedTransform(call: transform)
                    // Each index is written by exactly one iteration, so the writes need no lock.
                    DispatchQueue.concurrentPerform(iterations: count) { index in
                        (results.base + index).initialize(to: transform.call(elements.buffer[index]))
                    }
                }
                initialized = count
            }
        }
    }
}

// Wrappers that let the pieces cross into concurrentPerform's closure. Sound because the closure runs
// only while `concurrentMap` waits, each iteration writes a distinct slot, and the elements are read only.
private struct UncheckedBuffer<T>: @unchecked Sendable { let base: UnsafeMutablePointer<T> }
private struct UncheckedElements<Element>: @unchecked Sendable { let buffer: UnsafeBufferPointer<Element> }
private struct UncheckedTransform<Element, T>: @unchecked Sendable { let call: (Element) -> T }
