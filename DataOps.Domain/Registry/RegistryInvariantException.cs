using DataOps.Domain.Common;

namespace DataOps.Domain.Registry;

/// <summary>A registry rule refused an operation (duplicate active dataset, connector name taken, unsafe teardown).</summary>
public sealed class RegistryInvariantException : DomainException
{
    /// <summary>Creates the exception with a default message.</summary>
    public RegistryInvariantException()
        : base("A registry rule refused the operation.")
    {
    }

    /// <summary>Creates the exception with the rule's reason.</summary>
    public RegistryInvariantException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public RegistryInvariantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
