package org.actorrpc.demo.api;

/**
 * One line of the job list.
 *
 * @param jobId the job id
 * @param name the job's name
 * @param status current status
 * @param submittedAtMillis submission time, epoch milliseconds
 */
public record JobOverview(String jobId, String name, JobStatus status, long submittedAtMillis) {

}
