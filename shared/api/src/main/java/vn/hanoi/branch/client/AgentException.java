package vn.hanoi.branch.client;

import vn.hanoi.branch.api.ApiError;

/**
 * A call to the agent that did not succeed. {@link #error()} carries the bilingual message to show;
 * {@link #isUnreachable()} tells a network failure (retry may help) from an answer of the agent.
 */
public class AgentException extends RuntimeException {
    private final ApiError error;

    public AgentException(ApiError error, Throwable cause) {
        super(error.code() + ": " + error.messageEn(), cause);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }

    public int status() {
        return error.status();
    }

    public boolean isUnreachable() {
        return error.status() == 0;
    }

    static AgentException unreachable(Throwable cause) {
        return new AgentException(new ApiError(0, "agent_unreachable",
                "Không kết nối được máy chủ chi nhánh. Vui lòng thử lại hoặc báo cán bộ hỗ trợ.",
                "Cannot reach the branch server. Please try again or ask staff for help."), cause);
    }
}
