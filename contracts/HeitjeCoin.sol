// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {EIP3009} from "./src/EIP3009.sol";

/// @title HeitjeCoin: the Heerlens Heitje
/// @notice The municipality's closed-loop reward coin. One coin is one euro and amounts are euro cents
/// (decimals() == 2). The municipality mints coins to residents as rewards; residents spend them at participating
/// shops (ACCEPTOR_ROLE), usually through EIP-3009 authorizations relayed for them; shops pass coins on to the
/// treasury (TREASURY_ROLE) or have them redeemed for euros, which burns them. Coins can never move from one
/// resident to another, except by a recovery: when a resident lost the key, the platform's recovery key
/// (RECOVERY_ROLE) asks to move the whole balance of the lost address to the resident's new one, and may carry
/// it out only after a delay during which the lost key can still cancel it.
/// @dev Nothing personal is stored here: accounts are pseudonymous addresses and every `ref` is an opaque 32-byte
/// value (a keccak hash of an internal id).
contract HeitjeCoin is ERC20, ERC20Permit, EIP3009, Pausable, AccessControl {
    /// @notice May mint coins (the API's minter key).
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    /// @notice May burn coins held by shops and the treasury when they are paid out (payouts).
    bytes32 public constant REDEEMER_ROLE = keccak256("REDEEMER_ROLE");
    /// @notice May pause and unpause every movement of coins.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    /// @notice Held by the addresses of participating shops.
    bytes32 public constant ACCEPTOR_ROLE = keccak256("ACCEPTOR_ROLE");
    /// @notice Held by the municipal treasury.
    bytes32 public constant TREASURY_ROLE = keccak256("TREASURY_ROLE");
    /// @notice Role admin of ACCEPTOR_ROLE: may activate and deactivate shops without holding the admin role.
    bytes32 public constant ONBOARDER_ROLE = keccak256("ONBOARDER_ROLE");
    /// @notice May ask for and carry out recoveries (the API's recovery key).
    bytes32 public constant RECOVERY_ROLE = keccak256("RECOVERY_ROLE");

    /// @notice The EIP-712 type hash of a CancelRecovery message, signed by the lost key to cancel a recovery.
    bytes32 public constant CANCEL_RECOVERY_TYPEHASH =
        keccak256("CancelRecovery(bytes32 ref,address from,address to)");

    /// @notice The state of a recovery; None for a reference never asked for.
    enum RecoveryStatus {
        None,
        Pending,
        Cancelled,
        Executed
    }

    /// @notice A recovery of the coins of `from` (the lost key) to `to` (the resident's new key).
    struct Recovery {
        address from;
        uint64 executableAt;
        RecoveryStatus status;
        address to;
    }

    /// @notice Seconds between a recovery's request and the earliest time it can be carried out; set by the
    /// admin, 72 hours after deployment.
    uint256 public recoveryDelay = 72 hours;

    /// @notice Recoveries by their opaque reference. A reference is used for one recovery only, whatever became
    /// of it.
    mapping(bytes32 ref => Recovery) public recoveries;

    /// @notice Emitted when `amount` cents are minted to `to` for the internal reference `ref`.
    event Minted(address indexed to, uint256 amount, bytes32 indexed ref);

    /// @notice Emitted when `amount` cents held by `from` are burnt for the payout reference `ref`.
    event Redeemed(address indexed from, uint256 amount, bytes32 indexed ref);

    /// @notice Emitted when the admin sets the recovery delay, in seconds.
    event RecoveryDelaySet(uint256 delay);

    /// @notice Emitted when a recovery of the coins of `from` to `to` is asked for; it can be carried out from
    /// `executableAt` (a Unix time) on.
    event RecoveryRequested(bytes32 indexed ref, address indexed from, address indexed to, uint256 executableAt);

    /// @notice Emitted when the lost key cancels a pending recovery.
    event RecoveryCancelled(bytes32 indexed ref, address indexed from);

    /// @notice Emitted when a recovery moved `amount` cents, the whole balance of `from`, to `to`.
    event RecoveryExecuted(bytes32 indexed ref, address indexed from, address indexed to, uint256 amount);

    /// @notice A transfer between two accounts of which neither is a shop nor the treasury.
    error ClosedLoopTransfer(address from, address to);

    /// @notice Only coins held by a shop or the treasury can be redeemed.
    error RedeemFromNonParticipant(address from);

    /// @notice The reference was used before: by a mint (for mint), or by a redeem from the same holder (for
    /// redeem). A reference moves coins once, so a repeated or restored instruction cannot mint or burn twice.
    error ReferenceUsed(bytes32 ref);

    /// @notice A recovery names the zero address, or the same address on both sides.
    error RecoveryInvalidPair(address from, address to);

    /// @notice A recovery names a shop, the treasury or the holder of a role; only residents' coins are
    /// recovered, and only to a resident's address.
    error RecoveryRoleHolder(address account);

    /// @notice The recovery is not pending: never asked for, cancelled or carried out.
    error RecoveryNotPending(bytes32 ref);

    /// @notice The recovery's delay has not passed yet.
    error RecoveryNotYetExecutable(bytes32 ref, uint256 executableAt);

    /// @notice A cancellation was signed by `signer`, not by the recovery's `from`.
    error RecoveryInvalidSigner(address signer, address from);

    /// @notice A recovery delay of zero would leave the lost key no time to cancel.
    error RecoveryDelayZero();

    /// @notice Whether a mint used a reference.
    mapping(bytes32 => bool) public mintRefUsed;

    /// @notice Whether a redeem from a holder used a reference. A payout run's reference covers one redeem per
    /// shop, so a redeem's reference is unique per holder.
    mapping(address => mapping(bytes32 => bool)) public redeemRefUsed;

    /// @param admin Receives DEFAULT_ADMIN_ROLE, and nothing else; it grants the other roles afterwards.
    constructor(address admin) ERC20("Heerlens Heitje", "HEITJE") ERC20Permit("Heerlens Heitje") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _setRoleAdmin(ACCEPTOR_ROLE, ONBOARDER_ROLE);
    }

    /// @notice Amounts are euro cents.
    function decimals() public pure override returns (uint8) {
        return 2;
    }

    /// @notice Mints `amount` cents to `to`, once per reference.
    /// @param ref Opaque reference of the reason (a hash of an internal id), echoed in the Minted event; a
    /// reference used by an earlier mint is refused with ReferenceUsed.
    function mint(address to, uint256 amount, bytes32 ref) external onlyRole(MINTER_ROLE) {
        if (mintRefUsed[ref]) {
            revert ReferenceUsed(ref);
        }
        mintRefUsed[ref] = true;
        _mint(to, amount);
        emit Minted(to, amount, ref);
    }

    /// @notice Burns `amount` cents held by a shop or the treasury once they are paid out in euros.
    /// @param from A holder of ACCEPTOR_ROLE or TREASURY_ROLE; never a resident.
    /// @param ref Opaque reference of the payout, echoed in the Redeemed event; a reference used by an earlier
    /// redeem from the same holder is refused with ReferenceUsed.
    function redeem(address from, uint256 amount, bytes32 ref) external onlyRole(REDEEMER_ROLE) {
        if (!isParticipant(from)) {
            revert RedeemFromNonParticipant(from);
        }
        if (redeemRefUsed[from][ref]) {
            revert ReferenceUsed(ref);
        }
        redeemRefUsed[from][ref] = true;
        _burn(from, amount);
        emit Redeemed(from, amount, ref);
    }

    /// @notice Sets the delay between a recovery's request and its earliest execution, in seconds. Recoveries
    /// already asked for keep the time they were given.
    function setRecoveryDelay(uint256 delay) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (delay == 0) {
            revert RecoveryDelayZero();
        }
        recoveryDelay = delay;
        emit RecoveryDelaySet(delay);
    }

    /// @notice Asks to move the whole balance of `from`, a resident's lost key, to `to`, the same resident's new
    /// key, once recoveryDelay has passed. Until then the lost key can cancel it (cancelRecovery).
    /// @param ref Opaque reference of the recovery (a hash of an internal id); a reference used before, by any
    /// recovery, is refused with ReferenceUsed.
    function requestRecovery(address from, address to, bytes32 ref) external onlyRole(RECOVERY_ROLE) {
        _requireRecoverable(from, to);
        if (recoveries[ref].status != RecoveryStatus.None) {
            revert ReferenceUsed(ref);
        }
        uint64 executableAt = uint64(block.timestamp + recoveryDelay);
        recoveries[ref] = Recovery({from: from, executableAt: executableAt, status: RecoveryStatus.Pending, to: to});
        emit RecoveryRequested(ref, from, to, executableAt);
    }

    /// @notice Cancels a pending recovery on the strength of a CancelRecovery message signed by its `from`, the
    /// key the recovery would empty; anyone (the platform's relayer) may submit it, so the resident needs no
    /// ether. A cancelled recovery can never be carried out.
    function cancelRecovery(bytes32 ref, uint8 v, bytes32 r, bytes32 s) external {
        Recovery storage rec = _pendingRecovery(ref);
        bytes32 structHash = keccak256(abi.encode(CANCEL_RECOVERY_TYPEHASH, ref, rec.from, rec.to));
        address signer = ECDSA.recover(_hashTypedDataV4(structHash), v, r, s);
        if (signer != rec.from) {
            revert RecoveryInvalidSigner(signer, rec.from);
        }
        rec.status = RecoveryStatus.Cancelled;
        emit RecoveryCancelled(ref, rec.from);
    }

    /// @notice Carries out a pending recovery whose delay has passed: moves the whole balance of its `from` to
    /// its `to`, the one movement between two residents the coin allows. Neither side may have become a shop,
    /// the treasury or a role holder in the meantime; nothing moves while paused.
    function executeRecovery(bytes32 ref) external onlyRole(RECOVERY_ROLE) whenNotPaused {
        Recovery storage rec = _pendingRecovery(ref);
        if (block.timestamp < rec.executableAt) {
            revert RecoveryNotYetExecutable(ref, rec.executableAt);
        }
        (address from, address to) = (rec.from, rec.to);
        _requireRecoverable(from, to);
        rec.status = RecoveryStatus.Executed;
        uint256 amount = balanceOf(from);
        // Past the closed-loop check in _update: this is the only resident-to-resident movement.
        super._update(from, to, amount);
        emit RecoveryExecuted(ref, from, to, amount);
    }

    /// @notice Stops every transfer, mint and burn until unpause.
    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    /// @notice Lets coins move again after pause.
    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    /// @notice Reports whether `account` is a participating shop or the treasury, that is, may send coins to and
    /// receive coins from anyone.
    function isParticipant(address account) public view returns (bool) {
        return hasRole(ACCEPTOR_ROLE, account) || hasRole(TREASURY_ROLE, account);
    }

    /// @notice Reports whether `account` holds any of the coin's roles: a shop, the treasury or a service key.
    function isRoleHolder(address account) public view returns (bool) {
        return isParticipant(account) || hasRole(DEFAULT_ADMIN_ROLE, account) || hasRole(MINTER_ROLE, account)
            || hasRole(REDEEMER_ROLE, account) || hasRole(PAUSER_ROLE, account) || hasRole(ONBOARDER_ROLE, account)
            || hasRole(RECOVERY_ROLE, account);
    }

    function _requireRecoverable(address from, address to) private view {
        if (from == address(0) || to == address(0) || from == to) {
            revert RecoveryInvalidPair(from, to);
        }
        if (isRoleHolder(from)) {
            revert RecoveryRoleHolder(from);
        }
        if (isRoleHolder(to)) {
            revert RecoveryRoleHolder(to);
        }
    }

    function _pendingRecovery(bytes32 ref) private view returns (Recovery storage rec) {
        rec = recoveries[ref];
        if (rec.status != RecoveryStatus.Pending) {
            revert RecoveryNotPending(ref);
        }
    }

    /// @dev Every movement of coins passes here: none while paused, and a transfer needs a shop or the treasury
    /// on at least one side. The payee is checked first, since the common transfer is a payment to a shop.
    function _update(address from, address to, uint256 value) internal override whenNotPaused {
        if (from != address(0) && to != address(0) && !isParticipant(to) && !isParticipant(from)) {
            revert ClosedLoopTransfer(from, to);
        }
        super._update(from, to, value);
    }
}
