namespace DataOps.Durable.Hosting;

/// <summary>
/// Thrown by a queue-triggered function whose message can never be processed (an unknown event type, an invalid
/// field): the host moves the message to <c>{queue}-poison</c> at once instead of retrying it.
/// </summary>
public sealed class MalformedMessageException : Exception
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
