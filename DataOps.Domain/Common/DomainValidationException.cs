namespace DataOps.Domain.Common;

/// <summary>
/// A value handed to the domain is invalid. <see cref="Field"/> is the wire name of the offending field
/// (e.g. <c>clientId</c>) and <see cref="Reason"/> says what is wrong without echoing the value,
/// so the message is safe to show in an HTTP problem response or a log.
/// </summary>
public sealed class DomainValidationException : DomainException
{
    /// <summary>Creates the exception for a field and a reason.</summary>
    /// <param name="field">Wire name of the invalid field.</param>
    /// <param name="reason">What is wrong, e.g. "must not be empty".</param>
    public DomainValidationException(string field, string reason)
        : base($"Invalid {field}: {reason}")
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>Creates the exception for a field and a reason, with the exception that revealed the problem.</summary>
    public DomainValidationException(string field, string reason, Exception innerException)
        : base($"Invalid {field}: {reason}", innerException)
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>Creates the exception with a default message; <see cref="Field"/> is empty.</summary>
    public DomainValidationException()
        : this(string.Empty, "the value is invalid")
    {
    }

    /// <summary>Creates the exception with a message only; <see cref="Field"/> is empty.</summary>
    public DomainValidationException(string message)
        : base(message)
    {
        Field = string.Empty;
        Reason = message;
    }

    /// <summary>Creates the exception with a message and a cause; <see cref="Field"/> is empty.</summary>
    public DomainValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
        Reason = message;
    }

    /// <summary>Wire name of the invalid field; empty when not tied to one field.</summary>
    public string Field { get; }

    /// <summary>What is wrong with the value.</summary>
    public string Reason { get; }
}
