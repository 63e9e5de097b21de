using DataOps.Domain.Common;

namespace DataOps.Domain.Datasets;

/// <summary>An operation was asked of a dataset whose status does not allow it (e.g. archiving a READY dataset, or any change to an archived one).</summary>
public sealed class InvalidDatasetTransitionException : DomainException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="datasetId">The dataset.</param>
    /// <param name="from">Its current status.</param>
    /// <param name="to">The status the operation needed to reach or stay in.</param>
    /// <param name="operation">The operation asked for, e.g. <c>Archive</c>.</param>
    public InvalidDatasetTransitionException(DatasetId datasetId, DatasetStatus from, DatasetStatus to, string operation)
        : base($"Dataset {datasetId.Value}: {operation} is not allowed in status {from.ToWireName()} (it would move {from.ToWireName()} -> {to.ToWireName()}).")
    {
        DatasetId = datasetId;
        From = from;
        To = to;
        Operation = operation;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public InvalidDatasetTransitionException()
        : this("The dataset status does not allow this operation.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidDatasetTransitionException(string message)
        : base(message)
    {
        Operation = string.Empty;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public InvalidDatasetTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
    }

    /// <summary>The dataset.</summary>
    public DatasetId DatasetId { get; }

    /// <summary>Its status when the operation was refused.</summary>
    public DatasetStatus From { get; }

    /// <summary>The status the operation would have led to.</summary>
    public DatasetStatus To { get; }

    /// <summary>The refused operation.</summary>
    public string Operation { get; }
}
