namespace DataOps.Functions.Teardown;

/// <summary>
/// Thrown by a queue-triggered function whose message can never be processed (an unknown event type, an invalid
/// field). The local host moves a message whose function throws a <see cref="FormatException"/> to
/// <c>{queue}-poison</c> at once instead of retrying it; the Functions host retries it up to <c>maxDequeueCount</c>
/// times first, with the same end.
/// </summary>
internal sealed class MalformedMessageException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public MalformedMessageException()
    {
    }

    /// <summary>Creates the exception with the reason (logged with the poison move; never include secrets).</summary>
    public MalformedMessageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and its cause.</summary>
    public MalformedMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
