using Azure;

namespace DataOps.Storage.Tables;

/// <summary>An entity-group transaction was rejected; nothing of it was applied.</summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    /// <summary>Creates the exception.</summary>
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex)
        : base(status, message, errorCode, null)
        => FailedTransactionActionIndex = failedTransactionActionIndex;

    /// <summary>Creates the exception.</summary>
    public TableTransactionFailedException()
        : base("The table transaction failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public TableTransactionFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TableTransactionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The index (in the submitted order) of the action that failed, when the service names it.</summary>
    public int? FailedTransactionActionIndex { get; }
}
