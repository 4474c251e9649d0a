package vn.hanoi.branch.api;

/** Whether a counter calls numbers. A paused counter keeps its tickets; a closed one hands them back. */
public enum CounterState { OPEN, PAUSED, CLOSED }
