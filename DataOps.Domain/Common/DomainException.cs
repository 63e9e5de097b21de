namespace DataOps.Domain.Common;

/// <summary>Base of every exception the domain throws when a business rule is broken.</summary>
public class DomainException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public DomainException()
        : base("A domain rule was broken.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DomainException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
